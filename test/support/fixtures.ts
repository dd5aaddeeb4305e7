// The real fixtures (../shared/fixtures, beside the repository), read as they are.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const fixturesDir = path.resolve(import.meta.dirname, '../..', '../shared/fixtures');

/** A file of ../shared/fixtures, unchanged. */
export const readFixture = (file: string): string => readFileSync(path.join(fixturesDir, file), 'utf8');
