/**
 * dist/bundle/main.js, what `npm start` and the Docker image run: the command line, bundled by
 * scripts/build.mjs into dist/bundle/center.cjs, run with its V8 code cache. Meant to be bundled
 * alone into dist/bundle/ (import.meta.url is then dist/bundle/main.js); dist/cli/bundle-main.js
 * itself finds no center.cjs beside it.
 */
import { fileURLToPath } from 'node:url';
import { runWithCodeCache } from './code-cache.js';

runWithCodeCache(fileURLToPath(new URL('center.cjs', import.meta.url)));
