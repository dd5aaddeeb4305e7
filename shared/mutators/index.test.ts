import { describe, expect, it } from 'vitest';
import { tableNames } from '../workspace/tables';
import * as conflicts from './conflicts';
import * as customers from './customers';
import type { Mutator } from './define';
import * as findingAcks from './findingAcks';
import * as imports from './imports';
import { RENAMED_MUTATORS, currentMutatorName, isMutatorName, mutatorNamed, mutators } from './index';
import * as invitations from './invitations';
import * as partner from './partner';
import * as planSave from './planSave';
import * as plans from './plans';
import * as transfers from './transfers';

const modules = { conflicts, customers, findingAcks, imports, invitations, partner, planSave, plans, transfers };

const isMutator = (v: unknown): v is Mutator =>
  typeof v === 'object' && v !== null && typeof (v as Mutator).name === 'string' && typeof (v as Mutator).run === 'function' && 'args' in v;

/** `planLine.setTarget` -> `planLineSetTarget`. */
const constantFor = (name: string) => name.replace(/\.([a-z])/, (_, c: string) => c.toUpperCase());

// The records a change can be about: a table's singular, or what an import brings in (a tenant's
// export, the licensing catalog), or a finding the rules compute (kept as a findingAck row).
const singulars = new Set(tableNames.map((t) => t.replace(/s$/, '')));
const subjects = new Set([...singulars, 'tenant', 'catalog', 'finding']);

describe('mutator names: one scheme', () => {
  const exported = Object.values(modules).flatMap((m) => Object.entries(m).filter((e): e is [string, Mutator] => isMutator(e[1])));

  it('every exported mutator is named record.verb, and its constant is the same words run together', () => {
    expect(exported.length).toBeGreaterThan(30);
    for (const [constant, m] of exported) {
      expect(m.name, constant).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
      expect(subjects, m.name).toContain(m.name.split('.')[0]);
      expect(constant, m.name).toBe(constantFor(m.name));
    }
  });

  it('the registry holds exactly the exported mutators, each once', () => {
    expect([...mutators.keys()].sort()).toEqual(exported.map(([, m]) => m.name).sort());
    for (const [, m] of exported) expect(mutators.get(m.name)).toBe(m);
  });

  it('an old name (schema 4) finds the renamed change; a current name is never an old one', () => {
    expect(RENAMED_MUTATORS['plan.setTarget']).toBe('planLine.setTarget');
    for (const [old, current] of Object.entries(RENAMED_MUTATORS)) {
      expect(mutators.has(old), old).toBe(false);
      expect(mutatorNamed(old), old).toBe(mutators.get(current));
      expect(currentMutatorName(old)).toBe(current);
      expect(isMutatorName(old), 'only current names pass as MutatorName').toBe(false);
    }
    expect(currentMutatorName('customer.create')).toBe('customer.create');
    expect(currentMutatorName('no.such')).toBe('no.such');
    expect(mutatorNamed('no.such')).toBeUndefined();
    // Not inherited keys: an outbox row named "constructor" is unknown, not Object's.
    expect(mutatorNamed('constructor')).toBeUndefined();
  });
});
