// View state only: which page is showing. The address's hash mirrors it, so reload, back and
// forward work and every page has a link (#/settings). Workspace data never lives here.
import { create } from 'zustand';

export const views = ['dashboard', 'customers', 'invite', 'offer-matching', 'license-check', 'review-sync', 'settings'] as const;
export type View = (typeof views)[number];

export const DEFAULT_VIEW: View = 'dashboard';

export function viewFromHash(hash: string): View {
  const name = hash.replace(/^#\/?/, '');
  return (views as readonly string[]).includes(name) ? (name as View) : DEFAULT_VIEW;
}

export function hashOf(view: View): string {
  return `#/${view}`;
}

type ViewStore = {
  view: View;
  navigate: (view: View) => void;
};

export const useViewStore = create<ViewStore>()((set) => ({
  view: viewFromHash(window.location.hash),
  navigate: (view) => {
    if (window.location.hash !== hashOf(view)) window.location.hash = hashOf(view);
    set({ view });
  },
}));

window.addEventListener('hashchange', () => {
  useViewStore.setState({ view: viewFromHash(window.location.hash) });
});
