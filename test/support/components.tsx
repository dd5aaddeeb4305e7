// What the renderer's component tests (vitest, jsdom) share: a ResizeObserver and the providers the
// app wraps every screen in. One home, so a test reads as its case.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type UiLanguage } from '../../renderer/app/i18n';
import { HostProvider } from '../../renderer/host/HostProvider';
import type { HostApi } from '../../shared/ipc/contract';
import type { SyncController } from '../../renderer/sync/controller';
import { SyncControllerProvider } from '../../renderer/workspace/SyncContext';
import { localSync } from './localWorkspace';

/**
 * A ResizeObserver that reports one 800x400 box: the virtualized tables render rows only for a
 * measured viewport, and jsdom measures nothing.
 */
export class FixedSizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    const box = [{ inlineSize: 800, blockSize: 400 }];
    queueMicrotask(() =>
      this.callback([{ target, contentRect: { width: 800, height: 400 }, borderBoxSize: box, contentBoxSize: box } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver),
    );
  }
  unobserve() {}
  disconnect() {}
}

export function observeFixedSize(): void {
  globalThis.ResizeObserver = FixedSizeObserver as unknown as typeof ResizeObserver;
}

/**
 * Every element an 800-wide box, `rowHeight` high as the virtualizer measures rows (400 as a
 * viewport), with the fixed-size observer: a virtual list then draws its first screenful.
 */
export function observeFixedLayout(rowHeight = 400): void {
  observeFixedSize();
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => rowHeight });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 800 });
}

/** jsdom has no ResizeObserver; Fluent's MessageBar and Combobox only need one to exist. */
export function stubResizeObserver(): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

/**
 * `ui` inside the app's language, theme, sync controller (the test file's own over its workspace,
 * unless one is given) and (when given) host providers.
 */
export function renderInApp(ui: ReactNode, options: { language?: UiLanguage; host?: HostApi; sync?: SyncController } = {}): RenderResult {
  const withHost = options.host ? <HostProvider host={options.host}>{ui}</HostProvider> : ui;
  const inner = <SyncControllerProvider controller={options.sync ?? localSync(options.host)}>{withHost}</SyncControllerProvider>;
  return render(
    <I18nextProvider i18n={createI18n(options.language ?? 'en')}>
      <FluentProvider theme={webLightTheme}>{inner}</FluentProvider>
    </I18nextProvider>,
  );
}
