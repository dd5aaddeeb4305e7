// Group commit (issue 15): the pushes of one organization that arrive while its previous
// transaction runs wait in this process's queue, then run together, in arrival order, inside ONE
// transaction with one commit (one fsync) instead of one each. Each push is processed by the same
// rules (processPush) against the state its predecessors in the group left, with the next workspace
// version, exactly as if it had come alone after them; only the storage round trips are shared:
// the clients claimed in one statement, the org's version row locked once, the named records read
// once, and everything written in one statement at the end. Every push gets its answer only after
// the commit. If the group's transaction fails, its pushes run again one by one, each in its own
// transaction, so one push's storage failure cannot fail a batch-mate.
//
// Several server processes on one PostgreSQL stay correct: a group holds the org's version row lock
// from before it claims its clients and reads until it commits, so groups of different processes
// take turns on one org as single pushes did (and see each other's commits: see openGroup).
import type { Actor } from '../../shared/mutators/define';
import { processPush, type PushOutcome } from '../../shared/sync/authority';
import type { PushRequest } from '../../shared/sync/protocol';
import type { Database } from '../db/types';
import { notifyPushes, type PushNotice } from './pokes';
import { openGroup } from './sqlAuthority';

export interface GroupLimits {
  /** Pushes in one transaction at most. */
  pushes: number;
  /** Mutations in one transaction at most (a push larger than this still runs, alone). */
  mutations: number;
}

export const DEFAULT_GROUP_LIMITS: GroupLimits = { pushes: 64, mutations: 2000 };

interface Queued {
  userId: string;
  actor: Actor;
  request: PushRequest;
  now: string;
  /** Whether the push's poke carries its rows (false: too big to be worth building them). */
  carry: boolean;
  resolve: (outcome: PushOutcome) => void;
  reject: (err: unknown) => void;
}

/** What one group did, for tests and logs. */
export interface GroupReport {
  orgId: string;
  pushes: number;
  /** The pushes' client ids, in the order the group processed them. */
  clients: string[];
  /** False when the group's transaction failed and its pushes were run again one by one. */
  committed: boolean;
}

export class PushGroups {
  private readonly queues = new Map<string, Queued[]>();

  constructor(
    private readonly db: Database,
    private readonly limits: GroupLimits = DEFAULT_GROUP_LIMITS,
    private readonly onGroup?: (report: GroupReport) => void,
  ) {}

  /** Processes `request` in the next group of `orgId`; resolves once that group has committed. */
  push(orgId: string, userId: string, actor: Actor, request: PushRequest, now: string, carry = true): Promise<PushOutcome> {
    return new Promise<PushOutcome>((resolve, reject) => {
      let queue = this.queues.get(orgId);
      const idle = !queue;
      if (!queue) this.queues.set(orgId, (queue = []));
      queue.push({ userId, actor, request, now, carry, resolve, reject });
      // The first push of an idle org starts at once (no added wait); later ones gather meanwhile.
      if (idle) void this.drain(orgId, queue);
    });
  }

  private async drain(orgId: string, queue: Queued[]): Promise<void> {
    try {
      while (queue.length > 0) await this.runGroup(orgId, this.take(queue));
    } catch (err) {
      // runGroup answers every push it takes; should anything else throw, no push is left waiting.
      for (const q of queue.splice(0)) q.reject(err);
    } finally {
      this.queues.delete(orgId);
    }
  }

  /** The next group: in arrival order, one push per client (a client's second push waits for the
   * next group, so it sees the first one's outcome), within the limits. */
  private take(queue: Queued[]): Queued[] {
    const group: Queued[] = [];
    const clients = new Set<string>();
    let mutations = 0;
    for (let i = 0; i < queue.length && group.length < this.limits.pushes; ) {
      const q = queue[i]!;
      const n = q.request.mutations.length;
      if (clients.has(q.request.clientId) || (group.length > 0 && mutations + n > this.limits.mutations)) {
        i++;
        continue;
      }
      clients.add(q.request.clientId);
      mutations += n;
      group.push(q);
      queue.splice(i, 1);
    }
    return group;
  }

  private async runGroup(orgId: string, group: Queued[]): Promise<void> {
    let outcomes: PushOutcome[];
    try {
      outcomes = await this.db.transaction(async (tx) => {
        const g = await openGroup(tx, orgId, group.map((q) => ({ userId: q.userId, request: q.request })));
        const out: PushOutcome[] = [];
        for (let i = 0; i < group.length; i++) {
          const q = group[i]!;
          out.push(await processPush(g.authority(i), q.request, q.actor, q.now));
        }
        await g.write();
        // Each push that wrote pokes the org's clients with its own version (and its rows, when they fit).
        const notices: PushNotice[] = [];
        out.forEach((o, i) => {
          const q = group[i]!;
          if (o.ok && o.version !== null) {
            notices.push({ orgId, userId: q.userId, clientId: q.request.clientId, version: o.version, lastMutationId: o.response.lastMutationId, carry: q.carry });
          }
        });
        await notifyPushes(tx, notices);
        return out;
      });
    } catch (err) {
      this.report(orgId, group, false);
      if (group.length === 1) {
        group[0]!.reject(err);
        return;
      }
      // Each alone, in the same order: the faulty one fails by itself, the others commit.
      for (const q of group) await this.runGroup(orgId, [q]);
      return;
    }
    group.forEach((q, i) => q.resolve(outcomes[i]!));
    this.report(orgId, group, true);
  }

  /** Tells onGroup; a failing observer must not leave the queue's pushes unanswered. */
  private report(orgId: string, group: Queued[], committed: boolean): void {
    try {
      this.onGroup?.({ orgId, pushes: group.length, clients: group.map((q) => q.request.clientId), committed });
    } catch {
      // only an observer
    }
  }
}
