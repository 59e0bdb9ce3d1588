/**
 * `npm run openapi`: writes the OpenAPI documents generated from the route schemas, one per API
 * surface: openapi/openapi.json (1.0, the CA and the control plane) and openapi/openapi-3.0.json.
 * A test fails when a committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Surface } from '../api/surfaces.js';
import { buildApp } from '../app.js';
import { FixedClock } from '../clock.js';
import { openStore } from '../store/store.js';

export const OPENAPI_FILES: Record<Surface['version'], string> = {
  '1.0': fileURLToPath(new URL('../../openapi/openapi.json', import.meta.url)),
  '3.0': fileURLToPath(new URL('../../openapi/openapi-3.0.json', import.meta.url)),
};
export const OPENAPI_FILE = OPENAPI_FILES['1.0'];

/** The documents as text, from an app over an empty store (only the routes matter). */
export async function openApiTexts(): Promise<Record<Surface['version'], string>> {
  const store = openStore(':memory:');
  const app = await buildApp({ store, clock: new FixedClock(0), ca: { pem: '', der: Buffer.alloc(0) }, adminKey: 'unused' });
  try {
    await app.ready();
    const text = (version: Surface['version']): string => {
      const document = app.openapiDocuments.get(version);
      if (!document) throw new Error(`no OpenAPI document for ${version}`);
      return `${JSON.stringify(document(), null, 2)}\n`;
    };
    return { '1.0': text('1.0'), '3.0': text('3.0') };
  } finally {
    await app.close();
    store.close();
  }
}

/** The 1.0 document as text. */
export const openApiText = async (): Promise<string> => (await openApiTexts())['1.0'];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const texts = await openApiTexts();
  for (const [version, file] of Object.entries(OPENAPI_FILES) as [Surface['version'], string][]) {
    writeFileSync(file, texts[version]);
    process.stdout.write(`wrote ${file}\n`);
  }
}
