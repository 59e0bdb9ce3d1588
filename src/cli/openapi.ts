/**
 * `npm run openapi`: writes the OpenAPI document generated from the route schemas to
 * openapi/openapi.json. A test fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.js';
import { FixedClock } from '../clock.js';
import { openStore } from '../store/store.js';

export const OPENAPI_FILE = fileURLToPath(new URL('../../openapi/openapi.json', import.meta.url));

/** The document as text, from an app over an empty store (only the routes matter). */
export async function openApiText(): Promise<string> {
  const store = openStore(':memory:');
  const app = await buildApp({ store, clock: new FixedClock(0), ca: { pem: '', der: Buffer.alloc(0) }, adminKey: 'unused' });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    store.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OPENAPI_FILE, await openApiText());
  process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
}
