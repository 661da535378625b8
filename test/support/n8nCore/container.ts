/* eslint-disable */ // not shipped: n8n's community-node lint rules apply to nodes/ and credentials/ only
// The @n8n/di Container that n8n-core itself registers its services in. The repo's install holds
// more than one copy of @n8n/di (n8n-core 2.40 nests its own next to an older top-level one), and
// each copy has its own Container, so `import { Container } from '@n8n/di'` may be the wrong one.
import path from 'node:path';

import type { Container as ContainerInstance } from '@n8n/di';

const fromN8nCore = require.resolve('@n8n/di', { paths: [path.dirname(require.resolve('n8n-core'))] });

export const Container: typeof ContainerInstance = require(fromN8nCore).Container;
