// Changes made before the first sign-in run as "this computer" (any change allowed); the person who
// then signs in may hold a role that cannot make some of them. Those are not sent to be refused one
// by one: they wait, each with the reason in words, and the changes that build on them (an
// invitation marked sent after it was created) wait grouped under them, so nothing the person did
// vanishes from the screens until they decide (sign in as someone who may, or discard).
import { can, type Permission, type Role } from '../domain/roles';
import { mutatorNamed } from '../mutators/index';

/** The role changes are made with before anyone signed in on this computer (the app's LOCAL_ACTOR). */
export const BEFORE_SIGN_IN_ROLE: Role = 'admin-agent';

export interface PendingChange {
  id: number;
  name: string;
  args: unknown;
}

export interface HeldChange {
  id: number;
  name: string;
  /** The permission the role lacks; null for a change held only because it builds on one. */
  permission: Permission | null;
  /** The held change this one builds on (its record), if any. */
  dependsOn: number | null;
}

const named = (args: unknown, keys: readonly string[]): string[] => {
  if (!args || typeof args !== 'object') return [];
  const a = args as Record<string, unknown>;
  return keys.map((k) => a[k]).filter((v): v is string => typeof v === 'string');
};
/** The record a change makes or changes itself (not the customer it merely belongs to). */
const ownRecord = (args: unknown) => named(args, ['id', 'lineId', 'planId']).slice(0, 1);
/** Every record a change names: what it can build on. */
const namedRecords = (args: unknown) => named(args, ['id', 'lineId', 'planId', 'customerId']);

/**
 * The changes the role may not make, and every later change that builds on one of their records.
 * The server takes a client's changes in order without gaps, so everything from the first held
 * change on waits too (`firstHeld`); the ones not listed here are sent once the held ones are resolved.
 */
export function heldForRole(outbox: readonly PendingChange[], role: Role): { held: HeldChange[]; firstHeld: number | null } {
  const held: HeldChange[] = [];
  const rootOf = new Map<string, number>();
  for (const change of [...outbox].sort((a, b) => a.id - b.id)) {
    const permission = mutatorNamed(change.name)?.permission;
    // A change builds on a held one when it names the record that one made or changed.
    const root = namedRecords(change.args)
      .map((id) => rootOf.get(id))
      .find((r) => r !== undefined);
    if (permission && !can(role, permission)) held.push({ id: change.id, name: change.name, permission, dependsOn: root ?? null });
    else if (root !== undefined) held.push({ id: change.id, name: change.name, permission: null, dependsOn: root });
    else continue;
    for (const id of ownRecord(change.args)) if (!rootOf.has(id)) rootOf.set(id, root ?? change.id);
  }
  return { held, firstHeld: held.length > 0 ? Math.min(...held.map((h) => h.id)) : null };
}
