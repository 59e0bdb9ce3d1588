import { afterEach, describe, expect, it, vi } from 'vitest';
import { BROWSER_VARIABLE, DEBIAN_CHROMIUM, chooseBrowser, launchBrowser } from './launch.js';

describe('chooseBrowser', () => {
  const debian = (path: string) => path === DEBIAN_CHROMIUM;
  const none = () => false;

  it('takes the browser named by CCV_CHROMIUM first, even beside Debian’s', () => {
    expect(chooseBrowser({ [BROWSER_VARIABLE]: '/opt/chrome/chrome' }, debian)).toEqual({ from: 'variable', path: '/opt/chrome/chrome' });
  });

  it('takes Debian’s Chromium when no browser is named (an empty name names none)', () => {
    expect(chooseBrowser({}, debian)).toEqual({ from: 'debian', path: DEBIAN_CHROMIUM });
    expect(chooseBrowser({ [BROWSER_VARIABLE]: '' }, debian)).toEqual({ from: 'debian', path: DEBIAN_CHROMIUM });
  });

  it('takes the packaged Chromium when there is neither', () => {
    expect(chooseBrowser({}, none)).toEqual({ from: 'package' });
  });
});

describe('launchBrowser', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('fails, naming the browser and the variable, when the chosen browser does not start', async () => {
    vi.stubEnv(BROWSER_VARIABLE, '/nonexistent/chromium');
    await expect(launchBrowser()).rejects.toThrow(
      /^The browser tests could not start the browser named by CCV_CHROMIUM \(\/nonexistent\/chromium\): [^]*Set CCV_CHROMIUM to the path of a Chrome or Chromium/,
    );
  });
});
