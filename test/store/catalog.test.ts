import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/store.js';

let store: Store;
beforeEach(() => {
  store = openStore(':memory:');
  const tag = { description: '', category: 'My tag', type: 'flow' as const, it: true, ot: true, origin: 'api' as const };
  store.tags.insert({ ...tag, key: 'CAFE', label: 'Café' });
  store.tags.insert({ ...tag, key: 'STOP_CPU', label: 'Stop CPU' });
  store.tags.insert({ ...tag, key: 'HALT', label: 'Stop CPU' });
});
afterEach(() => store.close());

describe('tags.resolve', () => {
  it("names the tags SQLite's `key = ? OR label = ? COLLATE NOCASE` names: ASCII case folded, nothing else", () => {
    const sql = store.db.prepare('SELECT key FROM tag WHERE key = ? OR label = ? COLLATE NOCASE ORDER BY key').pluck();
    for (const name of ['CAFE', 'cafe', 'Café', 'cAFé', 'CAFÉ', 'café ', 'stop cpu', 'STOP_CPU', 'stop_cpu', 'HALT', 'Stop', '']) {
      expect([...store.tags.resolve(name)].sort(), name).toEqual(sql.all(name, name));
    }
  });

  it('sees a label written around the repository (a world reset or restore writes SQL of its own)', async () => {
    store.tags.resolve('Café');
    store.db.prepare("UPDATE tag SET label = 'Coffee' WHERE key = 'CAFE'").run();
    await Promise.resolve();
    expect(store.tags.resolve('coffee')).toEqual(['CAFE']);
    expect(store.tags.labels().get('CAFE')).toBe('Coffee');
  });
});
