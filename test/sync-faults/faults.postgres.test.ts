// The sync fault suite on PostgreSQL (faultSuite.ts), when DATABASE_URL names one (CI sets it).
import { describe, it } from 'vitest';
import { faultSuite } from './faultSuite';

if (process.env.DATABASE_URL) faultSuite('postgres');
else describe.skip('the sync fault suite on PostgreSQL (set DATABASE_URL to run it)', () => it('runs against a real PostgreSQL'));
