import type { IDataObject } from 'n8n-workflow';

import type { BlacklistEntry } from '../../gateway/types';
import { defined } from '../conversation/restReads';

export const entryOutput = (entry: BlacklistEntry): IDataObject =>
	defined({ phoneNumber: entry.phoneNumber, createdAt: entry.createdAt });
