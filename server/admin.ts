// The server's admin command line: `tsx server/admin.ts <command> [options]`
// (npm script: `npm run server:admin -- <command>`). The commands are in adminCommands.ts; this
// file is the process around them: its arguments, streams, environment and a terminal prompt.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { runAdmin } from './adminCommands';

/** Reads a password on a terminal without echoing it. */
async function promptPassword(question: string): Promise<string> {
  const muted = new Writable({ write: (_c, _e, cb) => cb() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  process.stderr.write(question);
  const answer = await new Promise<string>((res) => rl.once('line', res));
  rl.close();
  process.stderr.write('\n');
  return answer;
}

process.exitCode = await runAdmin(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (text) => process.stderr.write(text),
  env: process.env,
  promptPassword: process.stdin.isTTY ? promptPassword : undefined,
});
