import { describe, expect, it } from 'vitest';
import type { Actor } from '../mutators/define';
import { SyncClient, type SyncTransport } from './client';
import { heldForRole } from './held';
import { MemoryClientStore } from './memoryClientStore';

const PARTNER = '3b33e682-00c3-41ee-9dd2-a548adf56438';

describe('changes made before the first sign-in, held for the role that signs in', () => {
  const outbox = [
    { id: 1, name: 'customer.create', args: { id: 'c-1', name: 'Contoso', country: 'JP' } },
    { id: 2, name: 'partner.update', args: { partnerTenantId: PARTNER } },
    { id: 3, name: 'invitation.create', args: { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'none', language: 'en' } },
    { id: 4, name: 'invitation.markSent', args: { id: 'i-1' } },
    { id: 5, name: 'customer.update', args: { id: 'c-1', notes: 'called' } },
  ];

  it('a Sales agent may not edit the partner profile: that change waits, nothing that builds on it exists, the rest goes after it', () => {
    const { held, firstHeld } = heldForRole(outbox, 'sales-agent');
    expect(held).toEqual([{ id: 2, name: 'partner.update', permission: 'partner.edit', dependsOn: null }]);
    expect(firstHeld).toBe(2);
  });

  it('a Billing agent: the invitation and its "sent" are one group under the invitation, not three refusals', () => {
    const { held } = heldForRole(outbox, 'billing-agent');
    expect(held.map((h) => [h.id, h.permission, h.dependsOn])).toEqual([
      [1, 'customer.edit', null],
      [2, 'partner.edit', null],
      [3, 'invite.send', 1],
      [4, 'invite.send', 1],
      [5, 'customer.edit', 1],
    ]);
  });

  it('an Admin agent may make them all: nothing waits', () => {
    expect(heldForRole(outbox, 'admin-agent')).toEqual({ held: [], firstHeld: null });
  });
});

describe('discarding held changes', () => {
  it('takes back their effects and renumbers the later changes with no gap', async () => {
    const actor: Actor = { id: 'local', name: 'This computer', role: 'admin-agent' };
    const store = new MemoryClientStore('client-held-0001');
    const offline: SyncTransport = { push: () => Promise.reject(new Error('offline')), pull: () => Promise.reject(new Error('offline')) };
    const client = new SyncClient(store, offline, { actor: () => actor, now: () => '2026-12-06T09:00:00.000Z' });
    expect(await client.mutate('customer.create', { id: 'c-1', name: 'Contoso', country: 'JP' })).toEqual({ ok: true });
    expect(await client.mutate('partner.update', { partnerTenantId: PARTNER, country: 'JP' })).toEqual({ ok: true });
    expect(await client.mutate('customer.update', { id: 'c-1', notes: 'called' })).toEqual({ ok: true });
    await client.discard([2]);
    const { outbox, meta, partner, customer, activity } = await store.transaction(async (tx) => ({
      outbox: await tx.outbox(),
      meta: await tx.meta(),
      partner: await tx.get('partner', 'partner'),
      customer: await tx.get('customers', 'c-1'),
      activity: await tx.query('activity', 'customerId', 'c-1'),
    }));
    expect(outbox.map((m) => [m.id, m.name]).sort()).toEqual([[1, 'customer.create'], [2, 'customer.update']]);
    expect(meta.nextMutationId).toBe(3);
    expect(partner).toBeUndefined();
    expect(customer?.notes).toBe('called');
    expect(activity.map((a) => a.id).sort()).toEqual(['act:client-held-0001:1', 'act:client-held-0001:2']);
  });
});

describe('pushing with held changes', () => {
  it('sends only the changes before the first held one; the held ones stay pending', async () => {
    const actor: Actor = { id: 'local', name: 'This computer', role: 'admin-agent' };
    const store = new MemoryClientStore('client-held-0002');
    const sent: number[] = [];
    const wire: SyncTransport = {
      push: async (request) => {
        sent.push(...request.mutations.map((m) => m.id));
        return { lastMutationId: Math.max(...sent), results: request.mutations.map((m) => ({ id: m.id, status: 'applied' as const, conflicts: 0 })) };
      },
      pull: () => Promise.reject(new Error('not in this test')),
    };
    const client = new SyncClient(store, wire, { actor: () => actor, now: () => '2026-12-06T09:00:00.000Z', holdFrom: (outbox) => heldForRole(outbox, 'sales-agent').firstHeld });
    await client.mutate('customer.create', { id: 'c-1', name: 'Contoso', country: 'JP' });
    await client.mutate('partner.update', { partnerTenantId: PARTNER, country: 'JP' });
    await client.mutate('customer.update', { id: 'c-1', notes: 'called' });
    await client.push();
    expect(sent).toEqual([1]);
    expect(await client.pendingCount()).toBe(3);
  });
});
