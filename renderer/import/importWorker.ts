// The import worker: runs each import (importRun.ts) off the page's thread, so the page stays
// responsive, and relays its progress and outcome; a cancel message stops it before it commits.
/// <reference lib="webworker" />
import { z } from 'zod';
import type { FromWorker, ToWorker } from './importProtocol';
import { runImport } from './importRun';

declare const self: DedicatedWorkerGlobalScope;

// zod compiles a schema's fast path with eval on its first parse (this worker's code may eval; the
// page's, under its CSP, may not). An import parses a few small arguments with zod, once each (the
// users chunks are checked by hand): compiling them cost more than walking them, in a fresh worker.
z.config({ jitless: true });

let cancelled = false;

const post = (message: FromWorker) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'cancel') {
    cancelled = true;
    return;
  }
  cancelled = false;
  void runImport(message, { post, cancelled: () => cancelled }).catch((e: unknown) => {
    post({ type: 'failed', failure: { kind: 'storage', name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) } });
  });
};
