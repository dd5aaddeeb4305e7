// Preloaded (`node -r`) into Electronegativity by electronegativity.test.ts. Its
// AVAILABLE_SECURITY_FIXES global check downloads Electron's release list with `got`; offline, got's
// retry then crashes the process on Node 24 ("The onCancel handler was attached after the promise
// settled"). This replaces `got` with one that fails at once, which the check already handles
// ("No connectivity?") before it goes on. No other check uses the network.
/* global require */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded with node -r, CommonJS by nature */
const Module = require('node:module');

const offline = () => Promise.reject(new Error('offline: the packaging tests do not use the network'));
offline.head = offline;
offline.get = offline;

const load = Module._load;
Module._load = function loadWithoutNetwork(request, ...rest) {
  if (request === 'got') return offline;
  return load.call(this, request, ...rest);
};
