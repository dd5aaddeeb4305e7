// A sync client's transport to the in-memory server (shared/sync/memoryServer) in the same process:
// requests and answers are copied as the network would copy them.
import type { Actor } from '../../shared/mutators/define';
import type { SyncTransport } from '../../shared/sync/client';
import type { MemorySyncServer } from '../../shared/sync/memoryServer';

/** Pushes as `actor` with the server's clock at `now`; a push the server turns away throws its message. */
export function memoryTransport(server: MemorySyncServer, actor: Actor, now: string): SyncTransport {
  return {
    push: async (request) => {
      const outcome = await server.push(structuredClone(request), actor, now);
      if (!outcome.ok) throw new Error(outcome.message);
      return outcome.response;
    },
    pull: async (cursor, clientId) => structuredClone(server.pull(cursor, clientId)),
  };
}
