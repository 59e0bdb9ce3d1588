/**
 * The API Token page and the API Documentation page in a real browser (launch.ts chooses it) driven
 * by playwright-core, against a real server (HTTP listener, in-memory `small` world). The
 * scenario of the admin guide ("Token", "Documentation"): create a token in the token page, give
 * it to Authorize in the documentation page, "Try it out" GET /component and see a 200; disable
 * the token in the token page and see the next Execute get 401. Screenshots of both pages go to
 * docs/screenshots/ (the README shows them) when UPDATE_SCREENSHOTS=1, and to a temporary
 * directory otherwise: the port and the token change on every run, and `npm test` should leave
 * the committed pictures alone.
 *
 *   UPDATE_SCREENSHOTS=1 npx vitest run test/browser
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/clock.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { openCenter, type Center } from '../../src/startup.js';
import { loadOrCreateTls } from '../../src/tls.js';
import { ADMIN_KEY, NOW, freePort } from '../helpers.js';
import { launchBrowser } from './launch.js';

/** A browser start and a page full of Swagger UI take seconds on a busy 2-core machine. */
const SLOW = 120_000;
const SCREENSHOTS = process.env['UPDATE_SCREENSHOTS'] ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url)) : join(tmpdir(), 'ccv-screenshots/');
const TOKEN_RE = /^ics-[0-9a-f]{40}-[0-9a-f]{40}$/;

/** The text of an element once it is there, trimmed. */
async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor();
  return (await locator.innerText()).trim();
}

/** What goes wrong in a page from now on: console errors, uncaught exceptions, failed requests, 4xx and 5xx answers. */
function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** The page's icon, as the browser would fetch it; and /favicon.ico, which a browser asks for where no page names an icon. */
async function expectIcon(page: Page): Promise<void> {
  const links = page.locator('link[rel="icon"]');
  expect(await links.count()).toBe(1);
  const href = await links.getAttribute('href');
  for (const url of [new URL(href ?? '', page.url()).href, `${base}/favicon.ico`]) {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(200);
    expect(res.headers()['content-type'], url).toBe('image/svg+xml');
    expect((await res.text()).startsWith('<svg '), url).toBe(true);
  }
}

let center: Center;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let base: string;
/** Why no browser started, if none did. */
let unavailable: Error | undefined;

beforeAll(async () => {
  const clock = new FixedClock(NOW);
  center = openCenter({ db: ':memory:', scenario: 'small', reset: false, clock, adminKey: ADMIN_KEY });
  const tls = await loadOrCreateTls(undefined, [], new Date());
  server = await startServer({ host: '127.0.0.1', httpsPort: 0, httpPort: await freePort(), center, clock, tls });
  base = server.urls.http as string;
  try {
    browser = await launchBrowser();
  } catch (error) {
    unavailable = error as Error;
    return;
  }
  context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  context.setDefaultTimeout(30_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
}, SLOW);

// Fail, not skip: each test fails with the reason when no browser could start.
beforeEach(() => {
  if (unavailable) throw unavailable;
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
}, SLOW);

describe('the API Token page and the API Documentation page', () => {
  let tokensPage: Page;
  let docsPage: Page;
  let docsProblems: string[] = [];
  let secret = '';
  const tokenRow = () => tokensPage.locator('tbody tr', { has: tokensPage.getByRole('rowheader', { name: 'Browser test', exact: true }) });

  it('shows a newcomer the base URL, the CA, the counts of the world and the documentation link without any key', { timeout: SLOW }, async () => {
    tokensPage = await context.newPage();
    const problems = problemsOf(tokensPage);
    await tokensPage.goto(`${base}/`, { waitUntil: 'networkidle' });
    expect(await textOf(tokensPage.getByRole('heading', { level: 1 }))).toBe('REST API 1.0 and 3.0');
    expect(await textOf(tokensPage.locator('#api-base'))).toBe(`${base}/api/1.0`);
    expect(await tokensPage.getByRole('link', { name: 'ca.pem' }).getAttribute('href')).toBe('/ca.pem');
    expect(await tokensPage.getByRole('link', { name: 'ca.crt' }).getAttribute('href')).toBe('/ca.crt');
    expect(await tokensPage.getByRole('link', { name: 'API Documentation' }).first().getAttribute('href')).toBe('/api/1.0/documentation');
    const health = (await (await fetch(`${base}/_emulator/health`)).json()) as { counts: Record<string, number> };
    const components = tokensPage.locator('#counts div', { hasText: 'Components' }).locator('dd');
    expect(await textOf(components)).toBe((health.counts['components'] ?? -1).toLocaleString('en-US'));
    expect(await textOf(tokensPage.locator('#curl-prompt'))).toMatch(/Create a token/);
    await expectIcon(tokensPage);
    expect(problems).toEqual([]);
  });

  it('shows the error message of a wrong admin key, then lists the tokens with the right one', { timeout: SLOW }, async () => {
    await tokensPage.getByLabel('Admin key').fill('not-the-key');
    await tokensPage.getByRole('button', { name: 'Use this key' }).click();
    expect(await textOf(tokensPage.getByRole('alert').first())).toBe('Emulator key error: the x-emulator-key header does not hold the admin key');

    await tokensPage.getByLabel('Admin key').fill(ADMIN_KEY);
    await tokensPage.getByRole('button', { name: 'Use this key' }).click();
    const headers = await tokensPage.locator('#tokens thead th').allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual(['Name', 'Token', 'Status', 'Creation Date', 'Expiration Date', 'Actions']);
    // The token the server made at start ("default"): its secret was not given in this tab.
    const defaultRow = tokensPage.locator('tbody tr', { has: tokensPage.getByRole('rowheader', { name: 'default', exact: true }) });
    expect(await textOf(defaultRow.getByRole('cell').first())).toMatch(/^Hidden\s+Show/);
    expect(await textOf(defaultRow.getByRole('cell').nth(1))).toBe('Enabled');
    expect(await textOf(defaultRow.getByRole('cell').nth(2))).toBe('Nov 1, 2026');
    expect(await textOf(defaultRow.getByRole('cell').nth(3))).toBe('None');
    // Show: the mask, since the secret is only in the answers of create and refresh.
    await defaultRow.getByRole('button', { name: 'Show the token of default' }).click();
    expect(await textOf(defaultRow.locator('td code'))).toMatch(/^ics-…[0-9a-f]{4}$/);
    expect(await textOf(defaultRow.getByRole('cell').first())).toContain('The secret is shown only right after Create or Refresh.');
    await defaultRow.getByRole('button', { name: 'Hide the token of default' }).click();
    expect(await textOf(defaultRow.getByRole('cell').first())).toMatch(/^Hidden\s+Show/);
  });

  it('creates a token with "+ New token" and shows its secret, with a curl line that uses it', { timeout: SLOW }, async () => {
    await tokensPage.getByRole('button', { name: '+ New token' }).click();
    const dialog = tokensPage.getByRole('dialog', { name: 'New token' });
    await dialog.getByLabel('Name').fill('Browser test');
    expect(await dialog.getByRole('switch', { name: 'Enabled' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Create' }).click();

    secret = await textOf(tokenRow().locator('td code'));
    expect(secret).toMatch(TOKEN_RE);
    expect(await textOf(tokenRow().getByRole('cell').nth(1))).toBe('Enabled');
    expect(await textOf(tokensPage.getByRole('status'))).toMatch(/“Browser test” is created/);
    expect(await textOf(tokensPage.locator('#curl'))).toBe(
      `curl "${base}/api/1.0/component?limit=10&token=${secret}"\ncurl -H "x-token-id: ${secret}" "${base}/api/3.0/components?page=1&size=10"`,
    );
    await tokensPage.screenshot({ path: `${SCREENSHOTS}token-page.png`, fullPage: true });
  });

  it('shows the API error in the dialog when the name is taken', { timeout: SLOW }, async () => {
    await tokensPage.getByRole('button', { name: '+ New token' }).click();
    const dialog = tokensPage.getByRole('dialog', { name: 'New token' });
    await dialog.getByLabel('Name').fill('browser TEST');
    await dialog.getByRole('button', { name: 'Create' }).click();
    expect(await textOf(dialog.getByRole('alert'))).toBe('A token with the name "browser TEST" already exists');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('works from the keyboard: the dialog opens with Enter, submits with Enter and closes with Escape', { timeout: SLOW }, async () => {
    await tokensPage.getByRole('button', { name: '+ New token' }).focus();
    await tokensPage.keyboard.press('Enter');
    const dialog = tokensPage.getByRole('dialog', { name: 'New token' });
    await dialog.waitFor();
    expect(await tokensPage.evaluate('document.activeElement?.id')).toBe('token-name');
    await tokensPage.keyboard.type('Keyboard');
    await tokensPage.keyboard.press('Enter');
    const row = tokensPage.locator('tbody tr', { has: tokensPage.getByRole('rowheader', { name: 'Keyboard', exact: true }) });
    expect(await textOf(row.getByRole('cell').nth(1))).toBe('Enabled');

    await tokensPage.getByRole('button', { name: '+ New token' }).focus();
    await tokensPage.keyboard.press('Enter');
    await dialog.waitFor();
    await tokensPage.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await tokensPage.evaluate('document.activeElement?.id')).toBe('new-token');
  });

  it('loads the documentation page with the icon of the token page, and opens Authorize on the token, focused and in view', { timeout: SLOW }, async () => {
    docsPage = await context.newPage();
    docsProblems = problemsOf(docsPage);
    await docsPage.goto(`${base}/api/1.0/documentation`, { waitUntil: 'networkidle' });
    await expectIcon(docsPage);

    await docsPage.locator('.btn.authorize').first().click();
    const schemes = docsPage.locator('.dialog-ux .auth-container');
    // Swagger UI writes "token&nbsp;(apiKey)".
    const name = (heading: string | null | undefined) => heading?.replace(/\s+/g, ' ');
    expect(name(await textOf(schemes.first().locator('h4')))).toBe('token (apiKey)');
    // Swagger UI focuses the field of every scheme in turn, and the last one (the admin key) kept it.
    const focused = () => docsPage.evaluate<string | undefined>("document.activeElement?.closest('.auth-container')?.querySelector('h4')?.textContent");
    await expect.poll(async () => name(await focused())).toBe('token (apiKey)');
    // Its heading and field are in the dialog's view, not scrolled away.
    const inView = await schemes.first().evaluate((scheme) => {
      const box = scheme.getBoundingClientRect();
      const dialog = scheme.closest('.modal-ux-content')?.getBoundingClientRect();
      return dialog !== undefined && box.top >= dialog.top && box.top + 120 <= dialog.bottom;
    });
    expect(inView).toBe(true);
    await docsPage.locator('.dialog-ux .close-modal').click();
    await schemes.first().waitFor({ state: 'detached' });
    expect(docsProblems).toEqual([]);
  });

  it('takes the token in Authorize, and "Try it out" on GET /component answers 200 with components', { timeout: SLOW }, async () => {
    await docsPage.locator('.btn.authorize').first().click();
    const scheme = docsPage.locator('.auth-container', { hasText: 'tokenHeader' });
    await scheme.locator('input').fill(secret);
    await scheme.locator('button.authorize').click();
    await scheme.getByRole('button', { name: 'Remove authorization' }).waitFor();
    await scheme.getByRole('button', { name: 'Close' }).click();

    const op = docsPage.locator('#operations-Components-getComponents');
    await op.locator('.opblock-summary').first().click();
    await op.getByRole('button', { name: 'Try it out' }).click();
    await op.locator('tr[data-param-name="limit"] input').fill('3');
    await op.getByRole('button', { name: 'Execute' }).click();

    const status = op.locator('.live-responses-table tr.response .response-col_status');
    expect(await textOf(status)).toBe('200');
    const body = JSON.parse(await textOf(op.locator('.live-responses-table tr.response .response-col_description pre').first())) as { id: string }[];
    expect(body).toHaveLength(3);
    expect(body[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await textOf(op.locator('.curl-command'))).toContain(`x-token-id: ${secret}`);
    // The page as it opens (closed locks: authorized), then the guide's view of an answer: the
    // curl line, the request URL, the status and the body.
    await docsPage.evaluate('window.scrollTo(0, 0)');
    await docsPage.screenshot({ path: `${SCREENSHOTS}documentation-page.png` });
    await op.getByRole('button', { name: 'Execute' }).evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await docsPage.screenshot({ path: `${SCREENSHOTS}documentation-try-it-out.png` });
    expect(docsProblems).toEqual([]);
  });

  it('disables the token with Edit in the token page, and the next Execute gets 401', { timeout: SLOW }, async () => {
    await tokensPage.bringToFront();
    await tokenRow().getByRole('button', { name: 'Edit Browser test' }).click();
    const dialog = tokensPage.getByRole('dialog', { name: 'Edit “Browser test”' });
    await dialog.getByRole('switch', { name: 'Enabled' }).uncheck();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await tokenRow().getByRole('cell', { name: 'Disabled', exact: true }).waitFor();
    expect(await textOf(tokenRow().getByRole('cell').nth(1))).toBe('Disabled');
    // A disabled token makes no curl line (the one of "Keyboard", enabled, takes its place).
    expect(await textOf(tokensPage.locator('#curl'))).not.toContain(secret);

    await docsPage.bringToFront();
    const op = docsPage.locator('#operations-Components-getComponents');
    await op.getByRole('button', { name: 'Execute' }).click();
    const status = op.locator('.live-responses-table tr.response .response-col_status', { hasText: '401' });
    expect(await textOf(status)).toBe('401');
    expect(await textOf(op.locator('.live-responses-table tr.response .response-col_description pre').first())).toContain(
      'Token error: the token is either unknown, expired, disabled or invalid',
    );
  });

  it('refreshes a token (a new secret, shown) and deletes one, each after a confirmation', { timeout: SLOW }, async () => {
    await tokensPage.bringToFront();
    const confirmations: string[] = [];
    tokensPage.on('dialog', (d) => {
      confirmations.push(d.message());
      void d.accept();
    });
    const row = tokensPage.locator('tbody tr', { has: tokensPage.getByRole('rowheader', { name: 'Keyboard', exact: true }) });
    const before = await textOf(row.locator('td code'));
    await row.getByRole('button', { name: 'Refresh Keyboard' }).click();
    await tokensPage.getByRole('status').filter({ hasText: 'has a new secret' }).waitFor();
    const after = await textOf(row.locator('td code'));
    expect(after).toMatch(TOKEN_RE);
    expect(after).not.toBe(before);
    expect((await fetch(`${base}/api/1.0/vendor?token=${before}`)).status).toBe(401);
    expect((await fetch(`${base}/api/1.0/vendor?token=${after}`)).status).toBe(200);

    await row.getByRole('button', { name: 'Delete Keyboard' }).click();
    await row.waitFor({ state: 'detached' });
    expect(await textOf(tokensPage.getByRole('status'))).toBe('“Keyboard” is deleted.');
    expect(confirmations).toEqual([
      'Refresh the token “Keyboard”? Its current secret stops working at once.',
      'Delete the token “Keyboard”? Applications using it are refused from their next call.',
    ]);
    expect((await fetch(`${base}/api/1.0/vendor?token=${after}`)).status).toBe(401);
  });
});
