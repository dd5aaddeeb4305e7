// TanStack Virtual for the invite lists, in one place. The React Compiler cannot memoize what
// useVirtualizer returns (it changes on every scroll), so this hook opts out of it knowingly.
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { layoutFree } from '../../ui/layoutFree';
import type { RefObject } from 'react';

export function useRowVirtualizer(count: number, scroller: RefObject<HTMLDivElement | null>, estimate: number): Virtualizer<HTMLDivElement, Element> {
  'use no memo';
  // eslint-disable-next-line react-hooks/incompatible-library -- rows are measured live; nothing memoizes the result
  return useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => estimate, overscan: 8, ...layoutFree });
}
