// Group commit (issue 15): the pushes of an organization that arrive while its previous group runs
// wait in this process's queue, then run together inside ONE transaction with one commit (one
// fsync) instead of one each, with those of other organizations ready at the same time: a commit
// costs about as much as a whole group's work. Groups on distinct organizations run at once (up to
// inFlight), so one org's wait for its commit does not hold the others, and PostgreSQL flushes
// their commits together. An idle org's first push waits (at most gatherMs) for as many pushes as
// the org's previous group held: its clients, answered together, come back together. Each
// push is processed by the same rules (processPush) against the state its org's predecessors in the
// group left, with the org's next workspace version, exactly as if it had come alone after them;
// only the storage round trips are shared (sqlGroups.ts): one statement locks every org's version
// row, claims every client and reads the named records, one writes everything and sends the pokes.
// Every push gets its answer only after the commit. If the group's transaction fails, its pushes run
// again one by one, each in its own transaction, so one push's storage failure cannot fail a batch-mate.
//
// Several server processes on one PostgreSQL stay correct: a group holds each of its orgs' version
// row lock from before it claims that org's clients and reads until it commits, so groups of
// different processes take turns on one org as single pushes did (and see each other's commits: see
// openGroups); it takes those locks in org id order, so two groups never wait on each other in a cycle.
import { Role } from '../../shared/domain/roles';
import type { Actor } from '../../shared/mutators/define';
import { processPush, type PushOutcome } from '../../shared/sync/authority';
import type { PushRequest } from '../../shared/sync/protocol';
import type { Database } from '../db/types';
import type { PushNotice } from './pokes';
import { openGroups, writeGroups } from './sqlGroups';

export interface GroupLimits {
  /** Pushes in one transaction at most. */
  pushes: number;
  /** Mutations in one transaction at most (a push larger than this still runs, alone). */
  mutations: number;
  /** Groups in flight at once at most, never two with an organization in common (on PGlite always
   * one: it has one connection, a second transaction would only wait for it). */
  inFlight: number;
  /** How long (ms) at most the first push of an idle org waits for as many pushes as its previous
   * group held, so that its clients coming back from that group's answers run together. */
  gatherMs: number;
}

/** A push whose session its group's check found no longer live (revoked, expired, user disabled):
 * refused as with an invalid token, having changed nothing. */
export interface SessionEnded {
  ok: false;
  status: 401;
  code: 'SESSION_ENDED';
}

export type GroupOutcome = PushOutcome | SessionEnded;

const SESSION_ENDED: SessionEnded = { ok: false, status: 401, code: 'SESSION_ENDED' };

export const DEFAULT_GROUP_LIMITS: GroupLimits = { pushes: 64, mutations: 2000, inFlight: 4, gatherMs: 2 };

interface Queued {
  orgId: string;
  userId: string;
  actor: Actor;
  request: PushRequest;
  now: string;
  /** Whether the push's poke carries its rows (false: too big to be worth building them). */
  carry: boolean;
  /** The session its group is to check (not checked upfront), with the caller's current role. */
  sessionId: string | undefined;
  /** When it was queued (performance.now()), for gatherMs. */
  at: number;
  resolve: (outcome: GroupOutcome) => void;
  reject: (err: unknown) => void;
}

/** What one group did, for tests and logs. */
export interface GroupReport {
  /** The organizations of its pushes, in the order their locks were taken (sorted). */
  orgIds: string[];
  pushes: number;
  /** The pushes' client ids, in the order the group processed them. */
  clients: string[];
  /** False when the group's transaction failed and its pushes were run again one by one. */
  committed: boolean;
}

export class PushGroups {
  private readonly limits: GroupLimits;
  /** Pushes waiting for a group, in arrival order. */
  private readonly queue: Queued[] = [];
  /** Organizations with a group in flight: their next pushes wait for it (they must see its writes). */
  private readonly busy = new Set<string>();
  private running = 0;
  /** Per org since its last group ended: when, and how many clients' pushes are expected to gather
   * (that group's clients, which come back with their next push, and those queued meanwhile). */
  private readonly gathering = new Map<string, { since: number; expected: number }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Database,
    limits: Partial<GroupLimits> = {},
    private readonly onGroup?: (report: GroupReport) => void,
    /** The sign-in methods whose sessions count (AuthService.honoured), for sessions checked by groups. */
    private readonly signInMethods: () => readonly string[] = () => [],
  ) {
    this.limits = { ...DEFAULT_GROUP_LIMITS, ...limits };
    if (db.kind === 'pglite') this.limits.inFlight = 1;
  }

  /** Processes `request` in the next group of its org; resolves once that group has committed. With
   * `sessionId`, the group checks that session first: if it is no longer live the push is refused
   * (SessionEnded), else it runs with the person's role and name as the check read them. */
  push(orgId: string, userId: string, actor: Actor, request: PushRequest, now: string, carry = true, sessionId?: string): Promise<GroupOutcome> {
    return new Promise<GroupOutcome>((resolve, reject) => {
      this.queue.push({ orgId, userId, actor, request, now, carry, sessionId, at: performance.now(), resolve, reject });
      this.pump();
    });
  }

  /** Starts every group that may start now: of the orgs without a group in flight whose pushes have
   * gathered (as many as their last group held, or waited gatherMs), up to inFlight groups. */
  private pump(): void {
    while (this.running < this.limits.inFlight) {
      const now = performance.now();
      // Per org without a group in flight: its queued clients (a group takes one push of each).
      const queued = new Map<string, { clients: Set<string>; first: number }>();
      for (const q of this.queue) {
        if (this.busy.has(q.orgId)) continue;
        const o = queued.get(q.orgId);
        if (o) o.clients.add(q.request.clientId);
        else queued.set(q.orgId, { clients: new Set([q.request.clientId]), first: q.at });
      }
      const ready = new Set<string>();
      let nextDeadline = Infinity;
      for (const [orgId, o] of queued) {
        const g = this.gathering.get(orgId);
        const deadline = Math.max(o.first, g?.since ?? 0) + this.limits.gatherMs;
        if (o.clients.size >= (g?.expected ?? 1) || deadline <= now) ready.add(orgId);
        else nextDeadline = Math.min(nextDeadline, deadline);
      }
      const group = ready.size > 0 ? this.take(ready) : [];
      if (group.length === 0) {
        if (nextDeadline < Infinity && !this.timer) {
          this.timer = setTimeout(() => {
            this.timer = null;
            this.pump();
          }, Math.max(0, nextDeadline - performance.now()));
        }
        return;
      }
      const orgs = byOrg(group);
      for (const orgId of orgs.keys()) this.busy.add(orgId);
      this.running++;
      void this.runGroup(group)
        .catch((err: unknown) => {
          // runGroup answers every push it takes; should anything else throw, none is left waiting.
          for (const q of group) q.reject(err);
        })
        .finally(() => {
          this.running--;
          const since = performance.now();
          for (const [orgId, qs] of orgs) {
            this.busy.delete(orgId);
            const clients = new Set([...qs, ...this.queue.filter((q) => q.orgId === orgId)].map((q) => q.request.clientId));
            this.gathering.set(orgId, { since, expected: clients.size });
          }
          this.pump();
        });
    }
  }

  /** The next group, of the `ready` orgs' pushes: in arrival order, one push per client of an org
   * (a client's second push waits for the next group, so it sees the first one's outcome), within
   * the limits; then ordered by organization (stable: each org's pushes keep their arrival order),
   * the order its locks are taken in, the same in every process, so two groups never wait on each
   * other in a cycle. */
  private take(ready: Set<string>): Queued[] {
    const group: Queued[] = [];
    const clients = new Set<string>();
    let mutations = 0;
    for (let i = 0; i < this.queue.length && group.length < this.limits.pushes; ) {
      const q = this.queue[i]!;
      const n = q.request.mutations.length;
      const client = `${q.orgId}\u0000${q.request.clientId}`;
      if (!ready.has(q.orgId) || clients.has(client) || (group.length > 0 && mutations + n > this.limits.mutations)) {
        i++;
        continue;
      }
      clients.add(client);
      mutations += n;
      group.push(q);
      this.queue.splice(i, 1);
    }
    return group.sort((a, b) => (a.orgId < b.orgId ? -1 : a.orgId > b.orgId ? 1 : 0));
  }

  private async runGroup(group: Queued[]): Promise<void> {
    let outcomes: GroupOutcome[];
    try {
      outcomes = await this.db.transaction(async (tx) => {
        const orgs = [...byOrg(group)].map(([orgId, qs]) => ({
          orgId,
          pushes: qs.map((q) => ({ userId: q.userId, request: q.request, ...(q.sessionId === undefined ? {} : { sessionId: q.sessionId }) })),
        }));
        const opened = await openGroups(tx, orgs, this.signInMethods());
        const out: GroupOutcome[] = [];
        // The group is ordered by org: its pushes are the orgs' pushes, one org after the other.
        for (let o = 0; o < orgs.length; o++) {
          for (let i = 0; i < orgs[o]!.pushes.length; i++) {
            const q = group[out.length]!;
            const caller = opened[o]!.caller(i);
            if (caller === null) {
              out.push(SESSION_ENDED);
              continue;
            }
            const actor = caller ? { ...q.actor, role: Role.parse(caller.role), name: caller.name } : q.actor;
            out.push(await processPush(opened[o]!.authority(i), q.request, actor, q.now));
          }
        }
        // Each push that wrote pokes its org's clients with its own version (and its rows, when they fit).
        const notices: PushNotice[] = [];
        out.forEach((o, i) => {
          const q = group[i]!;
          if (o.ok && o.version !== null) {
            notices.push({ orgId: q.orgId, userId: q.userId, clientId: q.request.clientId, version: o.version, lastMutationId: o.response.lastMutationId, carry: q.carry });
          }
        });
        await writeGroups(tx, opened, notices);
        return out;
      });
    } catch (err) {
      this.report(group, false);
      if (group.length === 1) {
        group[0]!.reject(err);
        return;
      }
      // Each alone, in the same order: the faulty one fails by itself, the others commit.
      for (const q of group) await this.runGroup([q]);
      return;
    }
    group.forEach((q, i) => q.resolve(outcomes[i]!));
    this.report(group, true);
  }

  /** Tells onGroup; a failing observer must not leave the queue's pushes unanswered. */
  private report(group: Queued[], committed: boolean): void {
    try {
      this.onGroup?.({ orgIds: [...byOrg(group).keys()], pushes: group.length, clients: group.map((q) => q.request.clientId), committed });
    } catch {
      // only an observer
    }
  }
}

/** A group's pushes by organization, in the group's order. */
function byOrg(group: Queued[]): Map<string, Queued[]> {
  const out = new Map<string, Queued[]>();
  for (const q of group) {
    const list = out.get(q.orgId);
    if (list) list.push(q);
    else out.set(q.orgId, [q]);
  }
  return out;
}
