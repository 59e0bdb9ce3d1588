// `npm start [-- flags or a command]`: builds dist/ when a source is newer than it
// (scripts/build.mjs), then runs the command line from its bundle (dist/bundle/main.js) in this
// same process, so that `npm start` costs one Node start after npm's own.
import { cli } from './build.mjs';

await cli(['--if-stale']);
await import('../dist/bundle/main.js');
