// The UI benchmarks' page (test/bench/ui.bench.ts drives it): the whole app (App with the web host,
// as main.tsx mounts it) over a workspace stored through its Dexie database, opened on one screen.
//   localWrite  the case file's details: a new customer name typed, then "Save details" clicked;
//               the time from the click (the real handleSubmit, SyncController.mutate into Dexie)
//               until the case file's heading, read by the screen's live query, shows the new name
//               (and, to say where the time goes, until the mutator call answered).
//   picker      the license check's customer picker (the real CustomerPicker over the workspace's
//               customers): the time from each key (typed by Playwright) until the listbox shows
//               that prefix's matches.
// Times end when the DOM shows the change (a MutationObserver), not at the frame after it. Not
// linked from the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../app/App';
import '../app/global.css';
import { customersByName } from '../db/queries';
import { pickHost } from '../host';
import { matchCustomers, PICKER_SHOWN } from '../ui/CustomerPicker';
import { useViewStore, type View } from '../ui/viewStore';
import { SyncController } from '../sync/controller';
import { workspaceDb } from '../workspace/workspace';
import { seed, when } from './seed';

/** The app, opened on `view` (and a customer), as a person would find it. */
async function mount(view: View, customerId: string | null) {
  useViewStore.getState().navigate(view, customerId);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App host={pickHost()} />
    </StrictMode>,
  );
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

/** Sets an input's value as typing does, so React's onChange sees it. */
function typeInto(input: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The details form: the form whose first field holds the customer's stored name (any language). */
const detailsForm = (name: string) => [...document.querySelectorAll('form')].find((f) => f.querySelector('input')?.value === name) ?? null;
const heading = (name: string) => [...document.querySelectorAll('h2')].some((h) => h.textContent === name);

/**
 * `runs` saves of the customer's name after `warm` unmeasured ones: each click's time until the
 * heading shows the name (`dom`), and until the next animation frame starts after that (`frame`).
 */
async function localWrite(customerId: string, runs: number, warm: number) {
  await mount('customers', customerId);
  const customer = await workspaceDb().customers.get(customerId);
  if (!customer) throw new Error(`customer ${customerId} is not in the workspace`);
  let name = customer.name;
  await when(() => heading(name) && detailsForm(name) !== null);
  // Where the time goes: when the screen's mutator call (SyncController.mutate: the mutator run
  // into Dexie) answered, noted around the app's own controller without changing it.
  // The app makes its controller itself (SyncProvider): the class's method is wrapped for it.
  const mutate = SyncController.prototype.mutate;
  let mutatedAt = 0;
  SyncController.prototype.mutate = async function (this: SyncController, ...args: Parameters<typeof mutate>) {
    const outcome = await mutate.apply(this, args);
    mutatedAt = performance.now();
    return outcome;
  } as typeof mutate;
  const dom: number[] = [];
  const frame: number[] = [];
  const mutated: number[] = [];
  for (let i = 0; i < warm + runs; i++) {
    const next = `${customer.name} ${i + 1}`;
    // After each save the form shows the stored details (the saved name).
    await when(() => detailsForm(name) !== null);
    const form = detailsForm(name)!;
    typeInto(form.querySelector('input')!, next);
    // The click comes after the typed name is on screen, as a person's would.
    await nextFrame();
    await new Promise((r) => setTimeout(r, 0));
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    const t0 = performance.now();
    button.click();
    await when(() => heading(next));
    const t1 = performance.now();
    const t2 = await nextFrame();
    if (mutatedAt < t0) throw new Error('the save did not go through SyncController.mutate');
    if (i >= warm) {
      dom.push(t1 - t0);
      frame.push(t2 - t0);
      mutated.push(mutatedAt - t0);
    }
    name = next;
  }
  const stored = await workspaceDb().customers.get(customerId);
  SyncController.prototype.mutate = mutate;
  return { dom, frame, mutated, storedName: stored?.name ?? null, expectedName: name };
}

/** The prefixes' expected listboxes, worked out before any key so the check costs nothing per key. */
let expected: { query: string; first: string; last: string; count: number }[] = [];
let keyAt: number[] = [];
let shownAt: number[] = [];
let keys = 0;
let waiting: ((ms: number) => void) | null = null;
let waitingFor = -1;

const combobox = () => document.querySelector<HTMLInputElement>('input[role="combobox"]');

async function openPicker() {
  await mount('license-check', null);
  await when(() => combobox() !== null);
  const input = combobox()!;
  // Capture phase: the time the key reached the page, before any of the app's handlers ran.
  input.addEventListener(
    'keydown',
    (e) => {
      keyAt.push(e.timeStamp);
      // Checked after every DOM change, and at every frame: a key that leaves the matches as they
      // were (a space between words) changes nothing in the listbox, and is shown once a frame
      // shows the typed text beside them.
      const k = keyAt.length - 1;
      const frame = () => {
        check();
        if (shownAt.length <= k) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    },
    { capture: true },
  );
  new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
  return (await customersByName(workspaceDb())).length;
}

function shows(k: number): boolean {
  const want = expected[k]!;
  if (combobox()?.value !== want.query) return false;
  const options = document.querySelectorAll('[role="listbox"] [role="option"]');
  if (options.length !== Math.max(1, want.count)) return false;
  return options[0]!.textContent === want.first && options[options.length - 1]!.textContent === want.last;
}

function check() {
  const k = shownAt.length;
  if (k >= expected.length || keyAt.length <= k || !shows(k)) return;
  shownAt.push(performance.now());
  if (waiting && waitingFor === k) {
    waiting(shownAt[k]! - keyAt[k]!);
    waiting = null;
  }
}

/** Before a round of typing `text`: what the listbox shows after each of its prefixes. */
async function armPicker(text: string) {
  const customers = await customersByName(workspaceDb());
  const haystacks = customers.map((c) => `${c.name} `.toLowerCase());
  expected = [];
  for (let k = 1; k <= text.length; k++) {
    const query = text.slice(0, k);
    const found = matchCustomers(customers, haystacks, query).slice(0, PICKER_SHOWN);
    expected.push({ query, first: found[0]?.name ?? '', last: found[found.length - 1]?.name ?? '', count: found.length });
  }
  if (expected.some((e) => e.count === 0)) throw new Error(`"${text}" leaves no customer to pick: choose a name in the workspace`);
  keyAt = [];
  shownAt = [];
  keys = text.length;
}

/** The k-th key's time until the listbox showed its matches. */
function keyDone(k: number): Promise<number> {
  if (k >= keys) throw new Error(`only ${keys} keys were armed`);
  if (shownAt[k] !== undefined) return Promise.resolve(shownAt[k]! - keyAt[k]!);
  return new Promise((resolve, reject) => {
    waiting = resolve;
    waitingFor = k;
    setTimeout(() => reject(new Error(`after key ${k + 1} ("${expected[k]!.query}") the listbox never showed its ${expected[k]!.count} matches`)), 10_000);
  });
}

Object.assign(window, { __bench: { seed, localWrite, openPicker, armPicker, keyDone } });
document.body.dataset.ready = 'true';
