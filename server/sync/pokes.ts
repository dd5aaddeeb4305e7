// Pokes (DESIGN.md, "Sync protocol"): a data-less "pull now" to every client of an organization.
// A push commits a NOTIFY; every server process LISTENs once and fans the poke out to its own
// SSE connections, so clients on different processes behind a load balancer all hear it.
import type { Database } from '../db/types';

export const POKE_CHANNEL = 'csp_sync_poke';

type Listener = (version: number) => void;

export class PokeHub {
  private readonly byOrg = new Map<string, Set<Listener>>();
  private unlisten: (() => Promise<void>) | null = null;

  async start(db: Database): Promise<void> {
    this.unlisten = await db.listen(POKE_CHANNEL, (payload) => {
      const [orgId, version] = payload.split(':');
      if (!orgId) return;
      for (const l of this.byOrg.get(orgId) ?? []) l(Number(version ?? 0));
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

/** The payload a push's transaction sends with pg_notify: which workspace, which version. */
export function pokePayload(orgId: string, version: number): string {
  return `${orgId}:${version}`;
}
