// View state only: which page is showing, and for pages about one customer (the case file, the
// wizards) which customer. The address's hash mirrors it (#/customers/<id>), so reload, back and
// forward work and every page has a link. Workspace data never lives here.
import { create } from 'zustand';

export const views = ['dashboard', 'customers', 'invite', 'offer-matching', 'license-check', 'review-sync', 'settings'] as const;
export type View = (typeof views)[number];

export const DEFAULT_VIEW: View = 'dashboard';

export interface Location {
  view: View;
  /** The customer the page is about (the case file, a wizard opened for one customer), if any. */
  customerId: string | null;
}

export function locationFromHash(hash: string): Location {
  const [name = '', id] = hash.replace(/^#\/?/, '').split('/');
  if (!(views as readonly string[]).includes(name)) return { view: DEFAULT_VIEW, customerId: null };
  return { view: name as View, customerId: id ? decodeURIComponent(id) : null };
}

export function viewFromHash(hash: string): View {
  return locationFromHash(hash).view;
}

export function hashOf(view: View, customerId?: string | null): string {
  return customerId ? `#/${view}/${encodeURIComponent(customerId)}` : `#/${view}`;
}

type ViewStore = Location & {
  navigate: (view: View, customerId?: string | null) => void;
};

export const useViewStore = create<ViewStore>()((set) => ({
  ...locationFromHash(window.location.hash),
  navigate: (view, customerId = null) => {
    const hash = hashOf(view, customerId);
    if (window.location.hash !== hash) window.location.hash = hash;
    set({ view, customerId });
  },
}));

window.addEventListener('hashchange', () => {
  useViewStore.setState(locationFromHash(window.location.hash));
});
