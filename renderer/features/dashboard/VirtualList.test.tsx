// @vitest-environment jsdom
// The virtual list neither reads nor writes the layout while React commits (each would force a
// style and layout of the whole page inside the commit): every offsetHeight/offsetWidth read and
// every scroll write is counted while a list of 10,000 rows mounts. Sizes come from ResizeObserver
// entries (jsdom has no layout: a stub gives each row 41 px, the scroller 320 px).
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VirtualList } from './VirtualList';

const ROW = 41;
const observed: Element[] = [];
let layoutReads = 0;
let scrollWrites = 0;

class StubObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    observed.push(target);
    const height = target.tagName === 'LI' ? ROW : 320;
    const box = [{ inlineSize: 800, blockSize: height }];
    queueMicrotask(() => this.callback([{ target, contentRect: { width: 800, height }, borderBoxSize: box, contentBoxSize: box } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver));
  }
  unobserve() {}
  disconnect() {}
}

const saved: [object, string, PropertyDescriptor | undefined][] = [];
function count(proto: object, name: string, counter: () => void, kind: 'get' | 'value') {
  const original = Object.getOwnPropertyDescriptor(proto, name);
  saved.push([proto, name, original]);
  if (kind === 'get') Object.defineProperty(proto, name, { configurable: true, get: () => (counter(), 0) });
  else Object.defineProperty(proto, name, { configurable: true, writable: true, value: () => counter() });
}

beforeAll(() => {
  globalThis.ResizeObserver = StubObserver as unknown as typeof ResizeObserver;
  for (const name of ['offsetHeight', 'offsetWidth']) count(HTMLElement.prototype, name, () => layoutReads++, 'get');
  for (const name of ['scrollTo', 'scrollBy']) count(Element.prototype, name, () => scrollWrites++, 'value');
  count(Element.prototype, 'scrollTop', () => layoutReads++, 'get');
});

afterAll(() => {
  for (const [proto, name, d] of saved) {
    if (d) Object.defineProperty(proto, name, d);
    else delete (proto as Record<string, unknown>)[name];
  }
});

afterEach(() => {
  cleanup();
  observed.length = 0;
  layoutReads = 0;
  scrollWrites = 0;
});

const items = Array.from({ length: 10_000 }, (_, i) => ({ id: `c-${i}`, name: `Customer ${i}` }));

describe('VirtualList', () => {
  it('mounts 10,000 rows drawing a screenful, without reading or writing the layout, and places the rows by their observed sizes', async () => {
    await act(async () => {
      render(<VirtualList items={items} label="Customers" getKey={(c) => c.id} estimateSize={49} maxHeight={320} renderItem={(c, tabIndex) => <a href={`#${c.id}`} tabIndex={tabIndex}>{c.name}</a>} />);
    });
    expect(layoutReads).toBe(0);
    expect(scrollWrites).toBe(0);
    const rows = screen.getAllByRole('listitem');
    // A screenful and the overscan, not 10,000.
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(30);
    expect(observed.filter((e) => e.tagName === 'LI')).toHaveLength(rows.length);
    // Once observed, each row sits right below the one before: 41 px apart, not the 49 estimated.
    expect(rows.slice(0, 4).map((r) => r.style.transform)).toEqual([0, 1, 2, 3].map((i) => `translateY(${i * ROW}px)`));
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('10000');
    // One row in the Tab order.
    expect(screen.getAllByRole('link').filter((a) => a.tabIndex === 0)).toHaveLength(1);
    // A scroll asked for afterwards is written: End scrolls the list to its last row.
    await act(async () => {
      fireEvent.keyDown(screen.getByRole('link', { name: 'Customer 0' }), { key: 'End' });
    });
    expect(scrollWrites).toBe(1);
  });
});
