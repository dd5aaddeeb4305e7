// Makes an organization and its people in a PGlite data folder through the admin commands, in one
// process: the same commands an operator runs (server/adminCommands.ts), without a process start
// and a database open per command.
// Usage: tsx test/e2e/seedOrg.ts <data dir> '<[["create-org","Fabrikam"], ["add-user", ...]]>'
import { runAdmin } from '../../server/adminCommands';

const [dataDir, commandsJson] = process.argv.slice(2);
if (!dataDir || !commandsJson) throw new Error('usage: seedOrg.ts <data dir> <commands as JSON>');
for (const argv of JSON.parse(commandsJson) as string[][]) {
  let err = '';
  const code = await runAdmin(argv, { out: () => {}, err: (t) => (err += t), env: { DATA_DIR: dataDir } });
  if (code !== 0) {
    process.stderr.write(`server:admin ${argv.join(' ')}: ${err}`);
    process.exit(code);
  }
}
