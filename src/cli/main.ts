#!/usr/bin/env node
/**
 * The executable (`npm start [-- …]`, the Docker image's command): runs the command line
 * (src/cli/dispatch.ts), then exits with its code, or serves until Ctrl-C or SIGTERM. No
 * top-level await: the bundle that `npm start` runs is CommonJS (scripts/build.mjs).
 */
import { dispatch } from './dispatch.js';

async function main(): Promise<void> {
  const outcome = await dispatch(process.argv.slice(2), process.env);
  if (typeof outcome === 'number') process.exit(outcome);
  const stop = (signal: string) => {
    process.stderr.write(`\n${signal}: finishing in-flight requests, closing the database…\n`);
    outcome.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`error while closing: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

// What a top-level await did: an error that escapes is printed and the exit code is 1.
main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
