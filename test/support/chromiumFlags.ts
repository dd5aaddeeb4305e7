// The switches every browser of the e2e tests and the benchmarks starts with: the machine's Debian
// Chromium without its sandbox (it runs as root here) and without anything reaching out on its own.
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
