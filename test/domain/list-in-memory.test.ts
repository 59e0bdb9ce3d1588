import { describe, expect, it } from 'vitest';
import { listInMemory } from '../../src/domain/list-in-memory.js';
import type { ListFields, ListRequest } from '../../src/domain/list-request.js';

type F = 'name' | 'kind' | 'port' | 'on';
interface R {
  name: string;
  kind: string | null;
  port: number;
  on: boolean;
  first: number;
  last: number;
}
const FIELDS: ListFields<F> = { name: { kind: 'text', sort: true, filter: true }, kind: { kind: 'exact', sort: true, filter: true }, port: { kind: 'number', sort: true, filter: true }, on: { kind: 'boolean', filter: true } };
const SHAPE = { fields: FIELDS, value: { name: (r: R) => r.name, kind: (r: R) => r.kind, port: (r: R) => r.port, on: (r: R) => r.on }, activity: (r: R) => ({ first: r.first, last: r.last }) };
const ROWS: R[] = [
  { name: 'Pump speed', kind: 'HR', port: 502, on: true, first: 10, last: 20 },
  { name: 'Valve', kind: 'Coil', port: 502, on: false, first: 30, last: 40 },
  { name: 'pump level', kind: null, port: 102, on: true, first: 50, last: 60 },
  { name: 'Fan', kind: 'hr', port: 44818, on: false, first: 5, last: 70 },
];
const names = (req: Partial<ListRequest<F>>) => listInMemory(ROWS, { sort: [], filters: [], ...req }, SHAPE).map((r) => r.name);

describe('listInMemory', () => {
  it.each([
    ['no condition: every row, in order', {}, ['Pump speed', 'Valve', 'pump level', 'Fan']],
    ['text contains, without case', { filters: [{ field: 'name', values: ['PUMP'] }] }, ['Pump speed', 'pump level']],
    ['exact, without case; null never matches', { filters: [{ field: 'kind', values: ['HR'] }] }, ['Pump speed', 'Fan']],
    ["one field's values are alternatives", { filters: [{ field: 'port', values: ['102', '44818'] }] }, ['pump level', 'Fan']],
    ['filters on two fields both hold', { filters: [{ field: 'port', values: ['502'] }, { field: 'on', values: ['TRUE'] }] }, ['Pump speed']],
    ['window: active at some time in [from, to]', { from: 25, to: 55 }, ['Valve', 'pump level', 'Fan']],
    ['sort keys in order, then the rows\' order', { sort: [{ field: 'port', desc: false }] }, ['pump level', 'Pump speed', 'Valve', 'Fan']],
    ['descending; null sorts first ascending', { sort: [{ field: 'kind', desc: true }] }, ['Fan', 'Pump speed', 'Valve', 'pump level']],
    ['a page', { window: { offset: 1, limit: 2 } }, ['Valve', 'pump level']],
    ['a page past the end', { window: { offset: 8, limit: 2 } }, []],
  ] as [string, Partial<ListRequest<F>>, string[]][])('%s', (_, req, expected) => {
    expect(names(req)).toEqual(expected);
  });
});
