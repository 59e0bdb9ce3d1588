/**
 * `ccv-emulator seed` (`npm start -- seed --scenario large --db file.db`): builds a world into a
 * database file without serving it, as `npm start -- --reset` would (tokens, the admin key and
 * the licence of an existing file are kept). Exit codes: 0 ok, 1 failure, 2 usage.
 */
import { EmulatorClock, systemClock } from '../clock.js';
import { openCenter } from '../startup.js';
import { type Io, UsageError, flagsHelp, parseCommand, processIo, runCommand } from './command-line.js';
import { progressPrinter } from './progress.js';

const FLAGS = ['db', 'scenario', 'seed', 'now'] as const;

const HELP = [
  'Usage: ccv-emulator seed [--scenario <name>] [--db <path>] [--seed <n>] [--now <timestamp>]',
  '',
  'Builds the scenario into the database file (replacing its world; tokens, the admin key and the licence stay), then exits.',
  '',
  'Options:',
  ...flagsHelp(FLAGS),
].join('\n');

export async function run(argv: string[], env: Record<string, string | undefined>, io: Io = processIo): Promise<number> {
  return runCommand('seed', argv, HELP, io, () => {
    const { args, config } = parseCommand(argv, env, FLAGS);
    if (args.length > 0) throw new UsageError(`Unexpected argument "${args[0]}"`);
    if (config.db === ':memory:') throw new UsageError('seed writes a file: give --db <path>');
    const clock = new EmulatorClock(systemClock, config.now ?? null);
    const progress = progressPrinter(io.stderr, config.scenario);
    const center = openCenter({ ...config, reset: true, clock, onProgress: progress.update });
    if (center.built) progress.done(center.built.seconds, center.built.observations);
    const n = center.store.rowCounts.all();
    const count = (k: keyof typeof n) => n[k].toLocaleString('en');
    io.stdout.write(
      `${config.db}: scenario "${config.scenario}", seed ${center.store.settings.get('world.seed')}, ` +
        `${count('components')} components, ${count('flows')} flows, ${count('events')} events\n`,
    );
    center.store.close();
    return 0;
  });
}
