/**
 * GET /variables (guide 5.6, 6.7.1): a page of variables as an object keyed by the id of the
 * component that holds them; `limit` mandatory (at most 2000), `offset`, `order`. Over the
 * `small` world plus the fixture variables (fixtures/variables.json).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VariableSchema } from '../../../src/api/v1/schemas.js';
import { API, type TestCenter, UTC_TIME, expectError, expectShape, micros, testCenter } from '../../helpers.js';

type Variable = z.infer<typeof VariableSchema>;
type Page = Record<string, Variable[]>;

const fixtures = JSON.parse(readFileSync(new URL('../../../fixtures/variables.json', import.meta.url), 'utf8')) as Page;

/** The variables of a page in the order they appear, as holder/variable ids. */
const flat = (p: Page) => Object.entries(p).flatMap(([holder, vs]) => vs.map((v) => `${holder}/${v.id}`));

/** Variable ids per holder, in page order. */
const byHolder = (p: Page) => Object.fromEntries(Object.entries(p).map(([holder, vs]) => [holder, vs.map((v) => v.id)]));

/** Consecutive pages merged holder by holder. */
function merge(...pages: Page[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of pages) for (const [holder, vs] of Object.entries(byHolder(p))) (out[holder] ??= []).push(...vs);
  return out;
}

/** A variable with its access times as instants (the fixtures keep the guide's offsets). */
function instants(v: Variable) {
  const access = (a: { first: string; last: string; type: string } | undefined) =>
    a === undefined ? undefined : { first: micros(a.first), last: micros(a.last), type: a.type };
  return { ...v, authors: v.authors.map((a) => ({ ...a, read: access(a.read), write: access(a.write) })) };
}

let c: TestCenter;
/** Every variable (one page of 2000). */
let all: Page;

beforeAll(async () => {
  c = await testCenter();
  all = await c.json<Page>(`${API}/variables?limit=2000`);
  expect(flat(all).length).toBeLessThan(2000);
});
afterAll(() => c.close());

describe('GET /api/1.0/variables', () => {
  it('answers an object keyed by component id, each value an array of Variables', () => {
    expectShape(z.record(z.string(), z.array(VariableSchema)), all);
    expect(Object.keys(all).length).toBeGreaterThanOrEqual(Object.keys(fixtures).length);
    for (const [holder, vs] of Object.entries(all)) {
      expect(holder).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(vs.length, holder).toBeGreaterThan(0);
    }
  });

  it('keys each variable by a component that exists, and holds each variable once', async () => {
    const every = flat(all);
    expect(new Set(every).size).toBe(every.length);
    for (const holder of Object.keys(all)) expect((await c.get(`${API}/component/${holder}`)).statusCode, holder).toBe(200);
  });

  it('holds the fixture variables with their authors (guide 5.6, 6.3.12, 6.7.1)', () => {
    for (const [holder, expected] of Object.entries(fixtures)) {
      const got = all[holder];
      expect(got, holder).toBeDefined();
      for (const want of expected) {
        const v = got?.find((x) => x.id === want.id);
        expect(v, `${holder}/${want.id}`).toBeDefined();
        expect(instants(v as Variable)).toEqual(instants(want));
      }
    }
  });

  it('prints the access times in UTC', () => {
    for (const vs of Object.values(all)) {
      for (const a of vs.flatMap((v) => v.authors)) {
        for (const access of [a.read, a.write]) {
          if (access) {
            expect(access.first).toMatch(UTC_TIME);
            expect(access.last).toMatch(UTC_TIME);
          }
        }
      }
    }
  });

  it('names the authors as 5.6 prints them (NANOBOX, MICROBOX)', () => {
    const nine = all['9bc31dc8-d1d9-534d-8cbb-3b11fb1e8681'] ?? [];
    expect(nine.map((v) => v.name).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for (const v of nine) expect(v.authors.map((a) => [a.id, a.name])).toEqual([['cf4f8e39-f2a0-5a91-b256-53706423c445', 'NANOBOX']]);
    expect(all['b74823cc-ec08-5feb-88d0-03f17cb64fbb']?.[0]?.authors.map((a) => a.name)).toEqual(['MICROBOX']);
  });

  it('answers limit variables at most', async () => {
    expect(flat(await c.json<Page>(`${API}/variables?limit=3`))).toHaveLength(3);
    expect(flat(await c.json<Page>(`${API}/variables?limit=1`))).toHaveLength(1);
  });

  it('pages: limit=5 at offset 0 then 5, concatenated, are limit=10', async () => {
    const a = await c.json<Page>(`${API}/variables?limit=5&offset=0`);
    const b = await c.json<Page>(`${API}/variables?limit=5&offset=5`);
    const ten = await c.json<Page>(`${API}/variables?limit=10`);
    expect(flat(a)).toHaveLength(5);
    expect(flat(b)).toHaveLength(5);
    expect([...flat(a), ...flat(b)]).toEqual(flat(ten));
    // Each holder's variables in the first page are the first of its variables in the whole list.
    for (const [holder, vs] of Object.entries(byHolder(ten))) expect(vs, holder).toEqual(byHolder(all)[holder]?.slice(0, vs.length));
  });

  it('pages anywhere: consecutive pages of 7, merged holder by holder, are every variable', async () => {
    // A page keyed by holder keeps the order within each holder only: variables of different
    // holders may interleave (the generated ones do), so pages are merged per holder.
    const n = flat(all).length;
    const pages: Page[] = [];
    for (let offset = 0; offset < n; offset += 7) pages.push(await c.json<Page>(`${API}/variables?limit=7&offset=${offset}`));
    expect(pages.map((p) => flat(p).length)).toEqual(pages.map((_, i) => Math.min(7, n - 7 * i)));
    expect(merge(...pages)).toEqual(byHolder(all));
  });

  it('answers {} past the last variable', async () => {
    expect(await c.json(`${API}/variables?limit=10&offset=${flat(all).length}`)).toEqual({});
  });

  it('orders both ways: with order=desc each holder lists its variables in reverse', async () => {
    const asc = await c.json<Page>(`${API}/variables?limit=2000&order=asc`);
    const desc = await c.json<Page>(`${API}/variables?limit=2000&order=desc`);
    expect(flat(asc)).toEqual(flat(all));
    const reversed = Object.fromEntries(Object.entries(byHolder(asc)).map(([h, vs]) => [h, [...vs].reverse()]));
    expect(byHolder(desc)).toEqual(reversed);
    // The first variable of order=asc is the last one of order=desc.
    const [first] = flat(await c.json<Page>(`${API}/variables?limit=1&order=asc`));
    const lastDesc = await c.json<Page>(`${API}/variables?limit=1&order=desc&offset=${flat(all).length - 1}`);
    expect(flat(lastDesc)).toEqual([first]);
  });

  it('answers the oldest variables first with order=asc (6.7.1: "asc" will return the oldest content first)', async () => {
    // A variable's age: its earliest access. The two oldest are the same by first or by last access.
    const accesses = (v: Variable) => v.authors.flatMap((a) => [a.read, a.write]).filter((x) => x !== undefined);
    const everyVariable = Object.values(all).flat();
    const oldestBy = (key: 'first' | 'last') =>
      [...everyVariable]
        .sort((a, b) => Math.min(...accesses(a).map((x) => micros(x[key]))) - Math.min(...accesses(b).map((x) => micros(x[key]))))
        .slice(0, 2)
        .map((v) => v.id)
        .sort();
    expect(oldestBy('first')).toEqual(oldestBy('last'));
    const page = await c.json<Page>(`${API}/variables?limit=2&order=asc`);
    expect(Object.values(page).flat().map((v) => v.id).sort()).toEqual(oldestBy('first'));
  });

  it('is also served at /variables/ (the guide example)', async () => {
    expect(flat(await c.json<Page>(`${API}/variables/?limit=2000`))).toEqual(flat(all));
  });

  it('answers 400 without a limit', async () => {
    expectError(await c.get(`${API}/variables`), 400, /"limit"/);
    expectError(await c.get(`${API}/variables?offset=0&order=asc`), 400, /"limit"/);
  });

  it('answers 400 for a limit over 2000', async () => {
    expectError(await c.get(`${API}/variables?limit=2001`), 400, /"limit"/);
  });

  it('answers 400 for a limit that is not an integer', async () => {
    expectError(await c.get(`${API}/variables?limit=ten`), 400, /"limit"/);
  });

  it('answers 400 for a negative offset and for an unknown order', async () => {
    expectError(await c.get(`${API}/variables?limit=5&offset=-1`), 400, /"offset"/);
    expectError(await c.get(`${API}/variables?limit=5&order=newest`), 400, /"order"/);
  });
});
