import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/api/csv.js';

describe('toCsv', () => {
  it('writes a header of the fields and a line per item', () => {
    expect(toCsv([{ id: 'a', n: 1, ok: true }, { id: 'b', n: 2, ok: false }])).toBe('id,n,ok\r\na,1,true\r\nb,2,false\r\n');
  });

  it('quotes cells with commas, quotes and line breaks', () => {
    expect(toCsv([{ label: 'a,b', note: 'say "hi"', text: 'x\ny' }])).toBe('label,note,text\r\n"a,b","say ""hi""","x\ny"\r\n');
  });

  it('joins lists of scalars, leaves null empty and writes objects as JSON', () => {
    expect(toCsv([{ ip: ['10.0.0.1', '10.0.0.2'], group: null, tags: [{ id: 'PLC' }] }])).toBe(
      'ip,group,tags\r\n10.0.0.1; 10.0.0.2,,"[{""id"":""PLC""}]"\r\n',
    );
  });

  it('takes every field any item has, an absent one empty', () => {
    expect(toCsv([{ a: 1 }, { a: 2, b: 3 }])).toBe('a,b\r\n1,\r\n2,3\r\n');
  });

  it('writes the header line alone for no items', () => {
    expect(toCsv([])).toBe('\r\n');
  });
});
