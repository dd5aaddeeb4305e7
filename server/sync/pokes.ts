// Pokes (DESIGN.md, "Sync protocol"): a push commits a NOTIFY; every server process LISTENs once
// and fans the poke out to its own SSE connections, so clients on different processes behind a
// load balancer all hear it. A small push's NOTIFY carries its rows (built by PostgreSQL exactly as
// a pull builds them), so a client at the push's base version applies them without pulling; a push
// whose rows do not fit in a NOTIFY (PostgreSQL: under 8000 bytes) sends a data-less poke: pull now.
import { z } from 'zod';
import { Change, tablesUnknownTo, type Poke } from '../../shared/sync/protocol';
import type { Database } from '../db/types';

export const POKE_CHANNEL = 'csp_sync_poke';

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more (its default block size). */
export const NOTIFY_PAYLOAD_LIMIT = 8000;

/**
 * What a push sends through NOTIFY when its rows fit: `orgId:version:{json}`, so a server process of
 * the release before (which reads `orgId:version` and ignores the rest) still pokes its streams
 * during a rolling update.
 */
const CarriedNotify = z.object({
  /** The version before the push */
  b: z.number().int().nonnegative(),
  /** The pushing person, client and that client's last processed mutation */
  u: z.string(),
  c: z.string(),
  m: z.number().int().nonnegative(),
  changes: z.array(Change),
});

export interface PokeEvent {
  orgId: string;
  version: number;
  /** The push's rows and who pushed them; absent for a data-less poke. */
  carried?: { base: number; userId: string; clientId: string; lastMutationId: number; changes: Change[] };
}

type Listener = (event: PokeEvent) => void;

/** Reads a NOTIFY payload: `orgId:version`, with the carried JSON after a third colon. Null when unreadable. */
export function parsePokeNotify(payload: string): PokeEvent | null {
  const first = payload.indexOf(':');
  if (first <= 0) return null;
  const orgId = payload.slice(0, first);
  const second = payload.indexOf(':', first + 1);
  const version = Number(payload.slice(first + 1, second < 0 ? undefined : second));
  if (!Number.isSafeInteger(version)) return null;
  if (second < 0) return { orgId, version };
  let json: unknown;
  try {
    json = JSON.parse(payload.slice(second + 1));
  } catch {
    return { orgId, version };
  }
  const parsed = CarriedNotify.safeParse(json);
  if (!parsed.success) return { orgId, version };
  const { b, u, c, m, changes } = parsed.data;
  return { orgId, version, carried: { base: b, userId: u, clientId: c, lastMutationId: m, changes } };
}

/**
 * The SSE data of a poke for one stream: the carried change as that person's app may read it (the
 * rows of tables its schema knows, as a pull filters them; who pushed only for the pusher's own
 * streams), or the bare version (data-less: pull) when nothing was carried or the stream did not
 * say its schema.
 */
export function pokeData(event: PokeEvent, stream: { userId: string; schemaVersion: number | null }): string {
  const carried = event.carried;
  if (!carried || stream.schemaVersion === null) return String(event.version);
  const hidden = new Set(tablesUnknownTo(stream.schemaVersion));
  const poke: Poke = {
    version: event.version,
    base: carried.base,
    changes: hidden.size === 0 ? carried.changes : carried.changes.filter((c) => !hidden.has(c.table)),
    ...(carried.userId === stream.userId ? { clientId: carried.clientId, lastMutationId: carried.lastMutationId } : {}),
  };
  return JSON.stringify(poke);
}

export class PokeHub {
  private readonly byOrg = new Map<string, Set<Listener>>();
  private unlisten: (() => Promise<void>) | null = null;

  async start(db: Database): Promise<void> {
    this.unlisten = await db.listen(POKE_CHANNEL, (payload) => {
      // Every push of every org comes here: read (parse and check) only those someone here hears.
      const colon = payload.indexOf(':');
      if (colon <= 0 || !this.byOrg.has(payload.slice(0, colon))) return;
      const event = parsePokeNotify(payload);
      if (!event) return;
      for (const l of this.byOrg.get(event.orgId) ?? []) l(event);
    });
  }

  subscribe(orgId: string, listener: Listener): () => void {
    let set = this.byOrg.get(orgId);
    if (!set) this.byOrg.set(orgId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byOrg.delete(orgId);
    };
  }

  connections(): number {
    let n = 0;
    for (const set of this.byOrg.values()) n += set.size;
    return n;
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = null;
    this.byOrg.clear();
  }
}

/** The data-less payload: which workspace, which version. */
export function pokePayload(orgId: string, version: number): string {
  return `${orgId}:${version}`;
}

export interface PushNotice {
  orgId: string;
  userId: string;
  clientId: string;
  version: number;
  lastMutationId: number;
  /** False: send the data-less poke without building the rows (a push too big to fit anyway). */
  carry: boolean;
}
