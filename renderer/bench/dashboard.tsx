// The dashboard benchmark's page (test/bench/dashboard.bench.ts drives it): stores the workspace it
// is given through the app's Dexie database, then mounts the real DashboardPage with the providers
// it needs (translations, Fluent theme, the sync controller) and times the first complete render. Not linked from the app.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../app/i18n';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { pickHost } from '../host';
import { SyncController } from '../sync/controller';
import { DexieClientStore } from '../sync/dexieClientStore';
import type { Change } from '../../shared/sync/protocol';
import { WorkspaceDatabase } from '../db/database';
import { SyncControllerProvider } from '../workspace/SyncContext';
import { workspaceDb } from '../workspace/workspace';
import { painted, seed, when } from './seed';

/** The first number of an element's text, thousands separators and all ("Items: 3,308"). */
const number = (selector: string) => Number(/\d[\d,]*/.exec(document.querySelector(selector)?.textContent ?? '')?.[0]?.replaceAll(',', '') ?? NaN);

/**
 * A teammate's changes pulled while the dashboard was closed, stored as the sync client stores a
 * pulled page: `count` customers' notes and one saved plan's approver, new server versions. The next
 * open reads them into the dashboard's snapshot.
 */
async function pullChanges(count: number, version: number): Promise<number> {
  const db = new WorkspaceDatabase();
  const customers = await db.customers.offset(version % 97).limit(count).toArray();
  const plan = await db.plans.offset(version % 89).limit(1).first();
  const changes: Change[] = customers.map(({ _v: _old, ...c }) => ({ table: 'customers', id: c.id, data: { ...c, notes: `Called on ${version}` }, version }));
  if (plan) {
    const { _v: _old, ...p } = plan;
    changes.push({ table: 'plans', id: p.id, data: { ...p, approvedBy: 'Ken Sato' }, version });
  }
  await new DexieClientStore(db, () => 'bench').transaction((tx) => tx.applyChanges(changes));
  db.close();
  return changes.length;
}

async function firstRender() {
  const container = document.getElementById('root')!;
  const i18n = createI18n('en');
  // The app's own sync controller over the page's workspace, with no server: the stage buttons take it.
  const controller = new SyncController(pickHost(), workspaceDb, '');
  // The longest gap between main-thread timer ticks until everything is in: how long the page
  // could not answer a click or a key.
  let last = performance.now();
  let maxGap = 0;
  let watching = true;
  const tick = () => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    if (watching) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const t0 = performance.now();
  createRoot(container).render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>
        <SyncControllerProvider controller={controller}>
          <DashboardPage />
        </SyncControllerProvider>
      </FluentProvider>
    </I18nextProvider>,
  );
  // Complete: the counts per stage, the first rows of the stage's customers, of the attention list
  // and of the timeline, and the sync section.
  await when(
    () =>
      container.querySelector('[data-testid="dashboard"]') !== null &&
      container.querySelector('[data-testid="stage-customers"] li') !== null &&
      container.querySelector('[data-testid="attention-list"] li') !== null &&
      container.querySelector('[data-testid="timeline-list"] li') !== null &&
      container.querySelector('[data-testid="dashboard-sync"]') !== null &&
      container.querySelector('svg') !== null,
  );
  const dataMs = performance.now() - t0;
  await painted();
  const ms = performance.now() - t0;
  // Then the saved plans' checks (data-loss risk, seat shortfall) joining "needs attention".
  await when(() => container.querySelector('[data-testid="dashboard-attention"][data-plan-checked="true"]') !== null);
  await painted();
  const planChecksMs = performance.now() - t0;
  watching = false;
  const stages = [...container.querySelectorAll('[data-testid^="stage-"] > span:last-child')].map((s) => Number(s.textContent?.replaceAll(',', '')));
  return { ms, dataMs, planChecksMs, maxGap, attention: number('[data-testid="attention-count"]'), timeline: number('[data-testid="timeline-count"]'), stages };
}

Object.assign(window, { __bench: { seed, firstRender, pullChanges } });
document.body.dataset.ready = 'true';

