/**
 * `ccv-emulator snapshot save|restore|list|delete [NAME] [--db <path>]`: the control plane's
 * snapshots (src/emulator/world.ts, the same code as /_emulator/snapshots) on a database file,
 * without the server. Exit codes: 0 ok, 1 failure, 2 usage.
 */
import { existsSync } from 'node:fs';
import { EmulatorClock, systemClock } from '../clock.js';
import { formatTimestamp } from '../domain/time.js';
import { createWorldControl } from '../emulator/world.js';
import { openStoreFile } from '../db-file.js';
import { type Io, UsageError, flagsHelp, parseCommand, processIo, runCommand } from './command-line.js';

const FLAGS = ['db'] as const;
const ACTIONS = ['save', 'restore', 'list', 'delete'] as const;

const HELP = [
  'Usage: ccv-emulator snapshot <save|restore|delete> <name> [--db <path>]',
  '       ccv-emulator snapshot list [--db <path>]',
  '',
  'Saves the whole state of the database under a name (in snapshots/ beside it), brings it back',
  '(tokens, the admin key and the licence stay as they are), lists or deletes snapshots.',
  '',
  'Options:',
  ...flagsHelp(FLAGS),
].join('\n');

export async function run(argv: string[], env: Record<string, string | undefined>, io: Io = processIo): Promise<number> {
  return runCommand('snapshot', argv, HELP, io, () => {
    const { args, config } = parseCommand(argv, env, FLAGS);
    const [action, name, ...rest] = args;
    if (!ACTIONS.includes(action as (typeof ACTIONS)[number])) throw new UsageError(`Expected one of ${ACTIONS.join(', ')}${action ? `, not "${action}"` : ''}`);
    if (action !== 'list' && name === undefined) throw new UsageError(`snapshot ${action} needs a name`);
    if (rest.length > 0 || (action === 'list' && name !== undefined)) throw new UsageError(`Unexpected argument "${rest[0] ?? name}"`);
    if (config.db === ':memory:') throw new UsageError('snapshots need a database file: give --db <path>');
    if (!existsSync(config.db)) throw new Error(`No database at ${config.db}: start the server or run "seed" first`);
    const store = openStoreFile(config.db);
    try {
      if (!store.isSeeded()) throw new Error(`${config.db} holds no world: start the server or run "seed" first`);
      const world = createWorldControl(store, new EmulatorClock(systemClock));
      if (action === 'list') {
        for (const s of world.list()) io.stdout.write(`${s.name}\t${formatTimestamp(s.createdAt)}\t${s.sizeBytes} bytes\n`);
      } else if (action === 'save') {
        io.stdout.write(`Saved snapshot "${world.save(name as string).name}".\n`);
      } else if (action === 'restore') {
        io.stdout.write(`Restored snapshot "${world.restore(name as string).name}".\n`);
      } else {
        world.delete(name as string);
        io.stdout.write(`Deleted snapshot "${name}".\n`);
      }
    } finally {
      store.close();
    }
    return 0;
  });
}
