// The dashboard: customers by stage (and moving one on), what needs attention, expiries and 30-day
// deadlines, team sync.
import { type Locator, type Page } from '@playwright/test';
import { Shell } from './shell';

const SECTIONS = {
  en: { stages: 'Customers by stage', attention: 'Needs attention', timeline: 'Expiries and 30-day deadlines', sync: 'Team sync' },
  ja: { stages: 'ステージ別の顧客', attention: '要対応', timeline: '有効期限と 30 日間の猶予期限', sync: 'チームの同期' },
} as const;

export class DashboardPage {
  readonly shell: Shell;
  readonly stages: Locator;
  readonly attention: Locator;
  readonly timeline: Locator;
  readonly sync: Locator;
  readonly total: Locator;
  readonly attentionCount: Locator;
  readonly timelineCount: Locator;
  readonly syncPhase: Locator;
  readonly syncPending: Locator;
  readonly stageMoved: Locator;

  constructor(readonly page: Page, readonly lang: 'en' | 'ja' = 'en') {
    this.shell = new Shell(page, lang);
    const words = SECTIONS[lang];
    this.stages = page.getByRole('region', { name: words.stages });
    this.attention = page.getByRole('region', { name: words.attention });
    this.timeline = page.getByRole('region', { name: words.timeline });
    this.sync = page.getByRole('region', { name: words.sync });
    this.total = page.getByTestId('dashboard-total');
    this.attentionCount = page.getByTestId('attention-count');
    this.timelineCount = page.getByTestId('timeline-count');
    this.syncPhase = page.getByTestId('sync-phase');
    this.syncPending = page.getByTestId('sync-pending');
    this.stageMoved = page.getByTestId('stage-moved');
  }

  async open(): Promise<void> {
    await this.page.goto('./#/dashboard');
  }

  /** The count of one stage, e.g. 'not-started', 'invited' (a button that lists its customers). */
  stageCount(stage: string): Locator {
    return this.page.getByTestId(`stage-${stage}`);
  }

  /** A needs-attention item by its rule code. */
  attentionItem(code: string): Locator {
    return this.attention.locator(`[data-code="${code}"]`);
  }

  /** The heading of the stage list shown, e.g. "Customers at the stage Invited: 1". */
  stageListHeading(name: string): Locator {
    return this.stages.getByRole('heading', { name });
  }

  newStageFor(customer: string): Locator {
    return this.stages.getByLabel(`New stage for ${customer}`);
  }

  moveButton(customer: string): Locator {
    return this.stages.getByRole('button', { name: `Move ${customer} to the chosen stage` });
  }
}
