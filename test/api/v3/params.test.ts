import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { filterParam, listRequest, page, size, sortParam } from '../../../src/api/v3/params.js';
import type { ListFields } from '../../../src/domain/list-request.js';

const FIELDS: ListFields<'label' | 'mac' | 'lastActivity' | 'isDevice' | 'id'> = {
  label: { kind: 'text', sort: true, filter: true },
  mac: { kind: 'exact', filter: true },
  lastActivity: { kind: 'number', sort: true, filter: true },
  isDevice: { kind: 'boolean', filter: true },
  id: { kind: 'exact' },
};
const Query = z.object({ page, size, sort: sortParam(FIELDS), filter: filterParam(FIELDS) });

const issue = (query: Record<string, unknown>): string => {
  const r = Query.safeParse(query);
  if (r.success) throw new Error(`expected an error for ${JSON.stringify(query)}`);
  return `${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`;
};

describe('3.0 list parameters', () => {
  it.each([
    [{ sort: 'label' }, [{ field: 'label', desc: false }]],
    [{ sort: 'label,lastActivity:DESC' }, [{ field: 'label', desc: false }, { field: 'lastActivity', desc: true }]],
    [{ sort: 'lastActivity:desc, label:asc' }, [{ field: 'lastActivity', desc: true }, { field: 'label', desc: false }]],
    [{ sort: ['label:DESC', 'lastActivity'] }, [{ field: 'label', desc: true }]],
    [{ sort: '' }, []],
  ])('sort %j', (query, sort) => {
    expect(Query.parse(query).sort).toEqual(sort);
  });

  it.each([
    [{ filter: 'label:PLC' }, [{ field: 'label', values: ['PLC'] }]],
    [{ filter: 'mac:00:1b:1b:aa:bb:cc' }, [{ field: 'mac', values: ['00:1b:1b:aa:bb:cc'] }]],
    [{ filter: 'label:a,label:b,isDevice:true' }, [{ field: 'label', values: ['a', 'b'] }, { field: 'isDevice', values: ['true'] }]],
    [{ filter: 'lastActivity:1700000000000' }, [{ field: 'lastActivity', values: ['1700000000000'] }]],
  ])('filter %j', (query, filters) => {
    expect(Query.parse(query).filter).toEqual(filters);
  });

  it.each([
    [{ page: '0' }, 'page: must be >= 1'],
    [{ page: 'x' }, 'page: must be an integer'],
    [{ size: '0' }, 'size: must be >= 1'],
    [{ size: '9223372036854775808' }, `size: must be <= ${Number.MAX_SAFE_INTEGER}`],
    [{ sort: 'mac' }, 'sort: cannot sort on "mac": sortable fields are label, lastActivity'],
    [{ sort: 'label:UP' }, 'sort: "label:UP": the direction is ASC or DESC'],
    [{ filter: 'id:x' }, 'filter: cannot filter on "id": filterable fields are label, mac, lastActivity, isDevice'],
    [{ filter: 'label' }, 'filter: "label": give field:value, the value a text'],
    [{ filter: 'isDevice:yes' }, 'filter: "isDevice:yes": give field:value, the value a boolean'],
    [{ filter: 'lastActivity:soon' }, 'filter: "lastActivity:soon": give field:value, the value a number'],
  ])('refuses %j', (query, message) => {
    expect(issue(query)).toBe(message);
  });
});

describe('listRequest', () => {
  it('answers every row without page or size', () => {
    expect(listRequest({})).toEqual({ sort: [], filters: [] });
  });

  it('pages from 1', () => {
    expect(listRequest({ page: 3, size: 100 }).window).toEqual({ offset: 200, limit: 100 });
    expect(listRequest({ size: 5 }).window).toEqual({ offset: 0, limit: 5 });
  });

  it('gives page 1 everything and later pages nothing when size is absent', () => {
    expect(listRequest({ page: 1 }).window).toBeUndefined();
    expect(listRequest({ page: 2 }).window).toEqual({ offset: 0, limit: 0 });
  });

  it('turns from and to (ms) into an inclusive window in microseconds', () => {
    expect(listRequest({ from: 1, to: 2 })).toMatchObject({ from: 1000, to: 2999 });
  });
});
