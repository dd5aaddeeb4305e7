// Options for every TanStack virtualizer of the app (spread into useVirtualizer), so that nothing
// reads or writes the layout while React commits. The virtualizer's defaults read each drawn row's
// offsetHeight and the scroller's size, and scroll a new scroller to where it already is (the top);
// each of these forces a style and layout of the whole page inside the commit: one long task (about
// half of the dashboard's longest main-thread stall) where the frame would lay the page out in a
// task of its own. Sizes come from ResizeObserver entries instead, after the browser laid it out.
import { elementScroll, type Virtualizer } from '@tanstack/react-virtual';

function observedRowSize(element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLDivElement, Element>): number {
  const box = entry?.borderBoxSize[0];
  if (box) return Math.round(box.blockSize);
  const index = instance.indexFromElement(element);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
}

function observeScrollerRect(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: { width: number; height: number }) => void): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element || typeof ResizeObserver === 'undefined') return undefined;
  const observer = new ResizeObserver(([entry]) => {
    const box = entry?.borderBoxSize[0];
    if (box) cb({ width: Math.round(box.inlineSize), height: Math.round(box.blockSize) });
  });
  observer.observe(element, { box: 'border-box' });
  return () => observer.disconnect();
}

/** Scrollers the virtualizer has placed once: its first call for a new one is the mount's. */
const placed = new WeakSet<Element>();

function scrollUnlessMounting(offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, instance: Virtualizer<HTMLDivElement, Element>): void {
  const element = instance.scrollElement;
  if (element && !placed.has(element)) {
    placed.add(element);
    // A new scroller is at the top: the mount's call asks for the top.
    if (offset === 0 && !options.adjustments) return;
  }
  elementScroll(offset, options, instance);
}

/**
 * The virtualizer options that keep the layout out of React's commit. Until the scroller's first
 * observed size, a window's height of rows is drawn: no list shows a part of a screenful first.
 */
export const layoutFree = {
  measureElement: observedRowSize,
  observeElementRect: observeScrollerRect,
  scrollToFn: scrollUnlessMounting,
  get initialRect() {
    return { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight };
  },
};
