// What an import may write into a customer's details (tenant id, domain, country, channel): it
// fills what is empty and updates what an earlier import wrote, but never overwrites what a person
// set; where the import says otherwise than the person, the difference is reported, not resolved.
import type { Channel } from './tenant';

export type ImportableField = 'tenantId' | 'domain' | 'country' | 'channel';
export const IMPORTABLE_FIELD_ORDER: readonly ImportableField[] = ['tenantId', 'domain', 'country', 'channel'];

export interface FieldSourceLike {
  by: 'person' | 'import';
  at: string;
  file?: string | undefined;
}

export interface CustomerDetailsLike {
  tenantId: string;
  domain: string;
  country: string;
  channel: Channel;
  fieldSources?: Partial<Record<ImportableField, FieldSourceLike>> | undefined;
}

export type KnownByImport = Partial<{ tenantId: string | null; domain: string | null; country: string | null; channel: Channel | null }>;

export interface FillResult {
  /** The fields to write (empty: nothing to change). */
  patch: Partial<Record<ImportableField, string>>;
  fieldSources: Partial<Record<ImportableField, FieldSourceLike>>;
  filled: ImportableField[];
  /** A person's value the import contradicts: kept, and said. */
  differs: { field: ImportableField; kept: string; imported: string }[];
}

const isEmpty = (field: ImportableField, value: string) => value === '' || (field === 'channel' && value === 'unknown');

function normalized(field: ImportableField, value: string): string {
  const v = value.trim();
  if (field === 'country') return v.toUpperCase();
  if (field === 'channel') return v;
  return v.toLowerCase();
}

export function fillFromImport(customer: CustomerDetailsLike, known: KnownByImport, source: { at: string; file?: string }): FillResult {
  const patch: FillResult['patch'] = {};
  const sources: FillResult['fieldSources'] = { ...(customer.fieldSources ?? {}) };
  const filled: ImportableField[] = [];
  const differs: FillResult['differs'] = [];
  for (const field of IMPORTABLE_FIELD_ORDER) {
    const raw = known[field];
    if (raw === null || raw === undefined) continue;
    const imported = normalized(field, raw);
    if (isEmpty(field, imported)) continue;
    const current = customer[field];
    if (current === imported) {
      // Already so: an empty-sourced value stays a person's; an import's value gets the newer date.
      if (sources[field]?.by === 'import') sources[field] = { by: 'import', at: source.at, ...(source.file ? { file: source.file } : {}) };
      continue;
    }
    const setByImport = customer.fieldSources?.[field]?.by === 'import';
    if (isEmpty(field, current) || setByImport) {
      patch[field] = imported;
      sources[field] = { by: 'import', at: source.at, ...(source.file ? { file: source.file } : {}) };
      filled.push(field);
    } else {
      differs.push({ field, kept: current, imported });
    }
  }
  return { patch, fieldSources: sources, filled, differs };
}
