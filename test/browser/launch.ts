/**
 * The browser the browser tests drive, so that `npm test` needs nothing but Node: the one named by
 * CCV_CHROMIUM, else Debian's (/usr/bin/chromium), else the headless shell that the
 * @sparticuz/chromium package ships (Linux x64). The first that applies is the one used: a
 * browser that is named or installed but does not start is an error, not a reason to try the next.
 * The package is held at 143 (~143.0.4): later versions ask for Node 22 (EBADENGINE on Node 20).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

export const BROWSER_VARIABLE = 'CCV_CHROMIUM';
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export type BrowserChoice = { from: 'variable' | 'debian'; path: string } | { from: 'package' };

export function chooseBrowser(env: Record<string, string | undefined>, exists: (path: string) => boolean): BrowserChoice {
  const named = env[BROWSER_VARIABLE];
  if (named) return { from: 'variable', path: named };
  if (exists(DEBIAN_CHROMIUM)) return { from: 'debian', path: DEBIAN_CHROMIUM };
  return { from: 'package' };
}

/** The regular files of a tar archive (the package's own), written under `dir`. */
function untar(tar: Buffer, dir: string): void {
  const field = (at: number, length: number) => tar.toString('latin1', at, at + length).replace(/\0.*$/s, '');
  for (let at = 0; at + 512 <= tar.length && tar[at] !== 0; ) {
    const name = normalize(join(field(at + 345, 155), field(at, 100)));
    const size = parseInt(field(at + 124, 12).trim() || '0', 8);
    const type = field(at + 156, 1);
    if (name.startsWith('..')) throw new Error(`unexpected path in the Chromium package: ${name}`);
    if (type === '' || type === '0') {
      mkdirSync(join(dir, dirname(name)), { recursive: true });
      writeFileSync(join(dir, name), tar.subarray(at + 512, at + 512 + size), { mode: 0o755 });
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

/**
 * The packaged browser, unpacked once per package version into the temporary folder (about 2 s).
 * The package unpacks straight into the temporary folder itself (`/tmp/chromium`), where another
 * project, another version or a half-finished unpacking may be found: here it unpacks into a
 * folder of its own, renamed into place only once complete. Beside the browser: its libraries for
 * machines without NSS (the package's Amazon Linux set) and a font configuration that adds its
 * fonts to the system's, for machines without any.
 */
async function unpackPackaged(): Promise<{ executablePath: string; env: Record<string, string> }> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`@sparticuz/chromium ships a browser for Linux x64 only, not ${process.platform} ${process.arch}`);
  }
  const root = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '../..');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const dir = join(tmpdir(), `ccv-chromium-${version}-${process.getuid?.() ?? 0}`); // the folder is the user's own
  if (!existsSync(join(dir, 'chromium'))) {
    const work = mkdtempSync(`${dir}-`);
    try {
      const { default: packaged } = await import('@sparticuz/chromium');
      const saved = process.env['TMPDIR'];
      process.env['TMPDIR'] = work; // where the package unpacks (os.tmpdir())
      try {
        await packaged.executablePath();
      } finally {
        if (saved === undefined) delete process.env['TMPDIR'];
        else process.env['TMPDIR'] = saved;
      }
      untar(brotliDecompressSync(readFileSync(join(root, 'bin/al2023.tar.br'))), work);
      writeFileSync(
        join(work, 'fonts.conf'),
        `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
          `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n` +
          `  <dir>${dir}/fonts/fonts</dir>\n  <cachedir>${dir}/fonts-cache</cachedir>\n</fontconfig>\n`,
      );
      renameSync(work, dir);
    } catch (error) {
      rmSync(work, { recursive: true, force: true });
      if (!existsSync(join(dir, 'chromium'))) throw error; // else another run unpacked it first
    }
  }
  const libraries = [join(dir, 'lib'), process.env['LD_LIBRARY_PATH']].filter(Boolean).join(':');
  return { executablePath: join(dir, 'chromium'), env: { LD_LIBRARY_PATH: libraries, FONTCONFIG_FILE: join(dir, 'fonts.conf') } };
}

/** Starts the chosen browser, or throws an error that says which one failed and how to choose another. */
export async function launchBrowser(): Promise<Browser> {
  const choice = chooseBrowser(process.env, existsSync);
  const named =
    choice.from === 'variable'
      ? `the browser named by ${BROWSER_VARIABLE} (${choice.path})`
      : choice.from === 'debian'
        ? `Debian's Chromium (${DEBIAN_CHROMIUM})`
        : 'the Chromium of the @sparticuz/chromium package';
  try {
    const { executablePath, env } = choice.from === 'package' ? await unpackPackaged() : { executablePath: choice.path, env: {} };
    return await chromium.launch({ executablePath, headless: true, args: ARGS, env: { ...process.env, ...env } });
  } catch (error) {
    throw new Error(
      `The browser tests could not start ${named}: ${(error as Error).message}\n` +
        `Set ${BROWSER_VARIABLE} to the path of a Chrome or Chromium to use another browser.`,
      { cause: error },
    );
  }
}
