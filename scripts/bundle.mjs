// dist/bundle/ from dist/ (scripts/build.mjs runs it after tsc): what `npm start` and the Docker
// image run. A start is mostly loading and compiling code (issue 14): ~850 modules one by one
// took 1.35 s from the command to the first answer. So the command line and the packages it
// uses are one CommonJS file, dist/bundle/center.cjs (esbuild), which dist/bundle/main.js runs
// with V8's code cache (src/cli/code-cache.ts, src/cli/bundle-main.ts); CommonJS because Node 20
// has a code cache for scripts only, not for ES modules.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const OUTDIR = join(DIST, 'bundle');

/**
 * Loaded from node_modules: better-sqlite3, a native addon found on disk; selfsigned, used only
 * to make certificates, whose module shape a bundle does not keep (its `generate` is lost).
 */
const EXTERNAL = ['better-sqlite3', 'selfsigned'];
/**
 * Left out because a start never loads them (every byte of the bundle is read and parsed at
 * each start): Fastify's Ajv and fast-json-stringify compilers, which the app replaces
 * (src/app.ts, COMPILERS), with Ajv, its formats and fast-json-stringify behind them, about
 * 0.6 MB. Were Fastify to load one after all, it would come from node_modules.
 */
const NEVER_LOADED = ['@fastify/ajv-compiler', '@fastify/fast-json-stringify-compiler'];

/** `path` relative to dist/bundle/, with forward slashes: where the bundle finds it at run time. */
const fromBundle = (path) => relative(OUTDIR, path).split(sep).join('/');

/**
 * What a module finds beside itself is found from the bundle as from where the module was:
 * `import.meta.url` in dist/ (migrations, pages, fixtures, seeds, package.json) and `__dirname`
 * in node_modules (the documentation's Swagger UI files, the packages' own package.json) are
 * rewritten to their place relative to the bundle's own (the banner's `__bundleUrl`).
 */
const filesOfOrigin = {
  name: 'files-of-origin',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (args.path.startsWith(DIST + sep)) {
        return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle(args.path))}, __bundleUrl).href`), loader: 'js' };
      }
      if (!/\b__dirname\b/.test(source)) return undefined;
      const dir = JSON.stringify(fromBundle(dirname(args.path)));
      return { contents: source.replace(/\b__dirname\b/g, `require('node:path').join(__dirname, ${dir})`), loader: 'js' };
    });
  },
};

/**
 * zod's locales but English, the only one used: `z` is one namespace object, so a bundler keeps
 * all of `z.locales` (about 0.4 MB) unless the module that lists them lists English alone.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${sep}node_modules${sep}zod${sep}`) ? { path: 'zod-locales', namespace: 'zod-english-only', pluginData: args.resolveDir } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: "export { default as en } from '../locales/en.js';",
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

/**
 * Makes the bundle ASCII, which reads and compiles as a one-byte string (41 ms to read as UTF-8,
 * 13 ms as ASCII): esbuild escapes what is not ASCII in strings, regular expressions and names
 * (its default charset), so what is left is in comments, each UTF-16 unit of it now a `?` (the
 * columns of the source map stay right).
 */
function asciiOnly(file) {
  writeFileSync(file, readFileSync(file, 'utf8').replace(/[^\0-\x7f]/g, '?'));
}

/** dist/bundle/center.cjs from dist/cli/main.js, and dist/bundle/main.js, which runs it. */
export async function bundle() {
  const esbuild = createRequire(import.meta.url)('esbuild');
  rmSync(OUTDIR, { recursive: true, force: true });
  const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning' };
  await esbuild.build({
    ...common,
    entryPoints: [join(DIST, 'cli', 'main.js')],
    outfile: join(OUTDIR, 'center.cjs'),
    format: 'cjs',
    // import() of a package left out (selfsigned) as require(): a script run by vm has no loader for import().
    supported: { 'dynamic-import': false },
    external: [...EXTERNAL, ...NEVER_LOADED],
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [filesOfOrigin, zodEnglishOnly],
  });
  asciiOnly(join(OUTDIR, 'center.cjs'));
  // Bundled alone, without filesOfOrigin: its import.meta.url is dist/bundle/main.js.
  await esbuild.build({ ...common, entryPoints: [join(DIST, 'cli', 'bundle-main.js')], outfile: join(OUTDIR, 'main.js'), format: 'esm' });
}
