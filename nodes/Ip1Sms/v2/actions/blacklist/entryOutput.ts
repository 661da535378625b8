import type { IDataObject } from 'n8n-workflow';

import type { BlacklistEntry } from '../../../gateway/types';
import { compact } from '../../../shared/output';

export const entryOutput = (entry: BlacklistEntry): IDataObject =>
	compact({ phoneNumber: entry.phoneNumber, createdAt: entry.createdAt });
