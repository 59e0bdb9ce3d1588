/**
 * Reports of API 3.0 (Cisco's "Reports", /reports2/…): definitions, reports generated from the
 * world, their documents downloaded (a PDF checked to its cross-reference table, a CSV read back
 * against GET /devices), logos. Each test gets its own Center.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_LOGO_SIZE } from '../../../src/operations/reports.js';
import { API3, NOW, TOKEN, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

interface Reports {
  reports_id: string;
  status: string;
  error: string;
  last_run_at: number;
  last_run_by: string;
  logo_id: string;
  reports_outputs: { document_id: string; document_name: string; document_type: string }[];
}
interface Metadata {
  id: string;
  name: string;
  description: string;
  report_type: string;
  report_out_type: string[];
  sections: { section_id: string; checked: boolean; sub_sections: { sub_section_id: string; checked: boolean }[] }[];
  filter_id: string;
  filter_type: string;
  filter_name: string;
  filter_exist: boolean;
  logo_id: string;
  created_at: number;
  updated_at: number;
  reports: Reports | null;
}
interface Ids {
  metadataId: string;
  reportsId: string;
}

let c: TestCenter;
beforeEach(async () => {
  c = await testCenter();
});
afterEach(() => c.close());

const INVENTORY = { name: 'Weekly inventory', description: 'For the plant manager', type: 'asset-inventory', output_type: ['PDF', 'CSV'] };
const list = () => c.json3<Metadata[]>('/reports2/reports-metadata');
const reportsOf = (id: string) => c.json3<Reports[]>(`/reports2/reports-metadata/${id}/reports`);
const download = (reportId: string, filetype: string) =>
  c.app.inject({ url: `${API3}/reports2/reports-metadata/reports/${reportId}/download?filetype=${filetype}`, headers: { 'x-token-id': TOKEN } });

async function create(body: Record<string, unknown> = INVENTORY): Promise<Ids> {
  const res = await c.v3('POST', '/reports2/reports-metadata', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Ids>();
}

/** The PDF's objects where its cross-reference table says they are, and the text it shows. */
function readPdf(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-1.4\n')).toBe(true);
  expect(text.endsWith('%%EOF\n')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 4)).toBe('xref');
  const [, count] = /^xref\n0 (\d+)\n/.exec(text.slice(startxref)) ?? [];
  const entries = text.slice(startxref).split('\n').slice(3, 2 + Number(count));
  entries.forEach((entry, i) => {
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
  });
  for (const m of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) expect(text.slice((m.index ?? 0) + m[0].length + Number(m[1]), (m.index ?? 0) + m[0].length + Number(m[1]) + 10)).toBe('\nendstream');
  return [...text.matchAll(/\((?:[^()\\]|\\.)*\) Tj/g)].map((m) => m[0].slice(1, -4).replace(/\\(.)/g, '$1')).join('\n');
}

const csvRows = (csv: string) => csv.split('\r\n').filter((l) => l !== '');

/** A PNG of 1×1 pixel. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

function form(file: Buffer, contentType = 'image/png', field = 'file'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----emulator-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="logo.png"\r\nContent-Type: ${contentType}\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'x-token-id': TOKEN, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const postLogo = (f: { payload: Buffer; headers: Record<string, string> }) => c.app.inject({ method: 'POST', url: `${API3}/reports2/reports-metadata/logo`, ...f });

describe('GET /reports2/reports-type', () => {
  it('lists the types with their formats and sections', async () => {
    const types = await c.json3<{ reportId: string; reportOutputFormat: string[]; contents: { sections: { section_id: string; sub_sections: unknown[] }[] } }[]>('/reports2/reports-type');
    expect(types.map((t) => t.reportId)).toEqual(['executive', 'asset-inventory', 'vulnerabilities']);
    for (const t of types) expect(t.reportOutputFormat).toEqual(['PDF', 'CSV']);
    expect(types[1]).toMatchObject({ reportName: 'Asset inventory', report_type: 'asset-inventory', layout: 'landscape', contents: { sections: [{ section_id: 'devices', sub_sections: [{ sub_section_id: 'device-list', sub_section_name: 'Device list' }] }] } });
  });

  it('401 without a token', async () => {
    expectError3(await c.app.inject({ url: `${API3}/reports2/reports-type` }), 401);
  });
});

describe('POST /reports2/reports-metadata', () => {
  it('creates the definition and its first report, read back by the lists', async () => {
    const ids = await create();
    const [m] = await list();
    expect(m).toMatchObject({
      id: ids.metadataId,
      name: 'Weekly inventory',
      description: 'For the plant manager',
      report_type: 'asset-inventory',
      report_out_type: ['PDF', 'CSV'],
      sections: [{ section_id: 'devices', checked: true, sub_sections: [{ sub_section_id: 'device-list', checked: true }] }],
      filter_id: '',
      filter_exist: false,
      created_at: NOW / 1000,
      reports: { reports_id: ids.reportsId, status: 'done', error: '', last_run_at: NOW / 1000 },
    });
    const [r] = await reportsOf(ids.metadataId);
    expect(r?.reports_outputs.map((d) => [d.document_type, d.document_name])).toEqual([
      ['PDF', 'Weekly_inventory-20261101-120000.pdf'],
      ['CSV', 'Weekly_inventory-20261101-120000.csv'],
    ]);
  });

  it('takes the sections asked, a preset as filter, and all formats when none is given', async () => {
    const [preset] = await c.json3<{ id: string; label: string }[]>('/presets');
    const ids = await create({ name: 'Risk', type: 'executive', sections: [{ section_id: 'risk', sub_section_ids: ['risk-levels'] }], filter_type: 'preset', filter_id: preset?.id });
    const m = (await list()).find((x) => x.id === ids.metadataId);
    expect(m).toMatchObject({ report_out_type: ['PDF', 'CSV'], filter_type: 'preset', filter_id: preset?.id, filter_name: preset?.label, filter_exist: true });
    expect(m?.sections.map((s) => [s.section_id, s.checked, s.sub_sections.map((x) => x.checked)])).toEqual([
      ['overview', false, [false]],
      ['risk', true, [true, false]],
    ]);
    const csv = csvRows((await download(ids.reportsId, 'CSV')).body);
    expect(csv[0]).toBe('Devices by risk level');
    expect(csv).not.toContain('Inventory counts');
  });

  it('400 naming the field: no name, an unknown type, format, section, preset or logo', async () => {
    expectError3(await c.v3('POST', '/reports2/reports-metadata', { type: 'executive' }), 400, /"name": is mandatory/);
    expectError3(await c.v3('POST', '/reports2/reports-metadata', { name: 'x', type: 'weekly' }), 400, /"type": unknown report type "weekly"/);
    expectError3(await c.v3('POST', '/reports2/reports-metadata', { name: 'x', type: 'executive', output_type: ['XLSX'] }), 400, /"output_type".*not "XLSX"/);
    expectError3(await c.v3('POST', '/reports2/reports-metadata', { name: 'x', type: 'executive', sections: [{ section_id: 'devices' }] }), 400, /"sections".*no section "devices"/);
    expectError3(await c.v3('POST', '/reports2/reports-metadata', { name: 'x', type: 'executive', filter_type: 'preset', filter_id: UNKNOWN }), 400, /"filter_id": no preset/);
    expectError3(await c.v3('POST', '/reports2/reports-metadata', { name: 'x', type: 'executive', logo_id: UNKNOWN }), 400, /"logo_id": no logo/);
    expect(await list()).toEqual([]);
  });

  it('409 for a name another definition has (without case)', async () => {
    await create();
    expectError3(await c.v3('POST', '/reports2/reports-metadata', { ...INVENTORY, name: 'WEEKLY inventory' }), 409, /already exists/);
    expect(await list()).toHaveLength(1);
  });
});

describe('GET /reports2/reports-metadata', () => {
  it('lists the definitions, oldest first; sorts, filters and pages', async () => {
    expect(await list()).toEqual([]);
    const a = await create();
    const b = await create({ name: 'Board summary', type: 'executive' });
    expect((await list()).map((m) => m.id)).toEqual([a.metadataId, b.metadataId]);
    expect((await c.json3<Metadata[]>('/reports2/reports-metadata?sort=name')).map((m) => m.name)).toEqual(['Board summary', 'Weekly inventory']);
    expect((await c.json3<Metadata[]>('/reports2/reports-metadata?filter=report_type:executive')).map((m) => m.id)).toEqual([b.metadataId]);
    expect((await c.json3<Metadata[]>('/reports2/reports-metadata?page=2&size=1')).map((m) => m.id)).toEqual([b.metadataId]);
  });

  it('400 for a field it does not sort on', async () => {
    expectError3(await c.v3('GET', '/reports2/reports-metadata?sort=bogus'), 400, /"sort"/);
  });
});

describe('PUT /reports2/reports-metadata/{id}', () => {
  it('replaces the fields given; with execute, generates a report', async () => {
    const ids = await create();
    c.clock.advance(60_000_000);
    const res = await c.v3('PUT', `/reports2/reports-metadata/${ids.metadataId}`, { description: 'Every Monday', output_type: ['csv'], execute: true });
    expect(res.statusCode, res.body).toBe(201);
    const answer = res.json<Ids>();
    expect(answer.metadataId).toBe(ids.metadataId);
    const [m] = await list();
    expect(m).toMatchObject({ name: 'Weekly inventory', description: 'Every Monday', report_out_type: ['CSV'], updated_at: NOW / 1000 + 60_000, reports: { reports_id: answer.reportsId } });
    expect((await reportsOf(ids.metadataId)).map((r) => r.reports_outputs.map((d) => d.document_type))).toEqual([['PDF', 'CSV'], ['CSV']]);
    const quiet = await c.v3('PUT', `/reports2/reports-metadata/${ids.metadataId}`, { name: 'Inventory' });
    expect(quiet.json<Ids>().reportsId).toBe('');
    expect(await reportsOf(ids.metadataId)).toHaveLength(2);
  });

  it('400 for a malformed id or a format of another type', async () => {
    const ids = await create();
    expectError3(await c.v3('PUT', '/reports2/reports-metadata/x', { name: 'y' }), 400, /not a UUID/);
    expectError3(await c.v3('PUT', `/reports2/reports-metadata/${ids.metadataId}`, { output_type: ['DOCX'] }), 400, /output_type/);
  });

  it('404 for an unknown definition', async () => {
    expectError3(await c.v3('PUT', `/reports2/reports-metadata/${UNKNOWN}`, { name: 'y' }), 404, /Reports metadata not found/);
  });

  it('409 for a name another definition has', async () => {
    await create();
    const b = await create({ name: 'Board summary', type: 'executive' });
    expectError3(await c.v3('PUT', `/reports2/reports-metadata/${b.metadataId}`, { name: 'weekly INVENTORY' }), 409, /already exists/);
  });
});

describe('DELETE /reports2/reports-metadata/{id}', () => {
  it('deletes the definition and its reports', async () => {
    const ids = await create();
    const res = await c.v3('DELETE', `/reports2/reports-metadata/${ids.metadataId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(await list()).toEqual([]);
    expectError3(await download(ids.reportsId, 'PDF'), 404, /Report not found/);
  });

  it('400 for a malformed id', async () => {
    expectError3(await c.v3('DELETE', '/reports2/reports-metadata/x'), 400, /not a UUID/);
  });

  it('404 for an unknown definition', async () => {
    expectError3(await c.v3('DELETE', `/reports2/reports-metadata/${UNKNOWN}`), 404);
  });
});

describe('GET /reports2/reports-metadata/{id}/reports', () => {
  it('lists its reports, oldest first', async () => {
    const ids = await create();
    const again = (await c.v3('POST', `/reports2/reports-metadata/${ids.metadataId}/reports`)).json<Ids>();
    expect((await reportsOf(ids.metadataId)).map((r) => r.reports_id)).toEqual([ids.reportsId, again.reportsId]);
  });

  it('400 for a malformed id', async () => {
    expectError3(await c.v3('GET', '/reports2/reports-metadata/x/reports'), 400);
  });

  it('404 for an unknown definition', async () => {
    expectError3(await c.v3('GET', `/reports2/reports-metadata/${UNKNOWN}/reports`), 404);
  });
});

describe('POST /reports2/reports-metadata/{id}/reports', () => {
  it('generates a report from the world as it is now', async () => {
    const ids = await create();
    const [device] = await c.json3<{ id: string }[]>('/devices');
    expect((await c.v3('POST', `/devices/${device?.id}/label`, { name: 'Renamed for the report' })).statusCode).toBe(200);
    const res = await c.v3('POST', `/reports2/reports-metadata/${ids.metadataId}/reports`);
    expect(res.statusCode, res.body).toBe(200);
    const run = res.json<Ids>();
    expect(run.metadataId).toBe(ids.metadataId);
    expect((await download(ids.reportsId, 'CSV')).body).not.toContain('Renamed for the report');
    expect((await download(run.reportsId, 'CSV')).body).toContain('Renamed for the report');
    expect(readPdf((await download(run.reportsId, 'PDF')).rawPayload)).toContain('Renamed for the report');
  });

  it('400 for a malformed id', async () => {
    expectError3(await c.v3('POST', '/reports2/reports-metadata/x/reports'), 400);
  });

  it('404 for an unknown definition', async () => {
    expectError3(await c.v3('POST', `/reports2/reports-metadata/${UNKNOWN}/reports`), 404);
  });
});

describe('DELETE /reports2/reports-metadata/{id}/reports/{reportsId}', () => {
  it('deletes the report and its documents: 204', async () => {
    const ids = await create();
    const res = await c.v3('DELETE', `/reports2/reports-metadata/${ids.metadataId}/reports/${ids.reportsId}`);
    expect(res.statusCode).toBe(204);
    expect(await reportsOf(ids.metadataId)).toEqual([]);
    expect((await list())[0]?.reports).toBeNull();
    expectError3(await download(ids.reportsId, 'CSV'), 404);
  });

  it('400 for a malformed id', async () => {
    const ids = await create();
    expectError3(await c.v3('DELETE', `/reports2/reports-metadata/${ids.metadataId}/reports/x`), 400, /report id/);
  });

  it('404 for an unknown report, or one of another definition', async () => {
    const a = await create();
    const b = await create({ name: 'Board summary', type: 'executive' });
    expectError3(await c.v3('DELETE', `/reports2/reports-metadata/${a.metadataId}/reports/${UNKNOWN}`), 404);
    expectError3(await c.v3('DELETE', `/reports2/reports-metadata/${a.metadataId}/reports/${b.reportsId}`), 404, /not a report of/);
    expect(await reportsOf(b.metadataId)).toHaveLength(1);
  });
});

describe('GET /reports2/reports-metadata/reports/{reports-id}/download', () => {
  it('answers the PDF: a well-formed file showing every device', async () => {
    const ids = await create();
    const res = await download(ids.reportsId, 'PDF');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="Weekly_inventory-20261101-120000.pdf"');
    const text = readPdf(res.rawPayload);
    expect(text).toContain('Weekly inventory');
    expect(text).toContain('Asset inventory report');
    const devices = await c.json3<{ label: string }[]>('/devices');
    expect(devices.length).toBeGreaterThan(0);
    for (const d of devices) expect(text).toContain(d.label.slice(0, 10));
  });

  it('answers the CSV: one row per device, as GET /devices lists them (filetype without case)', async () => {
    const ids = await create();
    const res = await download(ids.reportsId, 'csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="Weekly_inventory-20261101-120000.csv"');
    const [title, header, ...rows] = csvRows(res.body);
    expect(title).toBe('Device list');
    expect(header).toBe('name,type,ip,mac,vendor,group,risk score');
    const devices = await c.json3<{ label: string; riskScore: number }[]>('/devices');
    expect(rows).toHaveLength(devices.length);
    expect(rows.map((r) => r.split(',').at(-1))).toEqual(devices.map((d) => String(d.riskScore)));
  });

  it('400 without filetype, or for a format the report was not written in', async () => {
    const ids = await create({ ...INVENTORY, output_type: ['CSV'] });
    expectError3(await c.v3('GET', `/reports2/reports-metadata/reports/${ids.reportsId}/download`), 400, /"filetype": is mandatory/);
    expectError3(await download(ids.reportsId, 'PDF'), 400, /no PDF document \(it has CSV\)/);
  });

  it('400 for a malformed id', async () => {
    expectError3(await download('x', 'PDF'), 400, /not a UUID/);
  });

  it('404 for an unknown report', async () => {
    expectError3(await download(UNKNOWN, 'PDF'), 404, /Report not found/);
  });
});

describe('POST /reports2/reports-metadata/logo', () => {
  it('stores a PNG and answers its id, which a definition then takes', async () => {
    const res = await postLogo(form(PNG));
    expect(res.statusCode, res.body).toBe(201);
    const { logo_id } = res.json<{ logo_id: string }>();
    expect(c.store.reports.logo(logo_id)?.data.equals(PNG)).toBe(true);
    const ids = await create({ ...INVENTORY, logo_id });
    expect((await list()).find((m) => m.id === ids.metadataId)).toMatchObject({ logo_id, reports: { logo_id } });
  });

  it('400 for a file that is not a PNG or JPEG, or not of the type it declares', async () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
    expectError3(await postLogo(form(gif, 'image/gif')), 400, /PNG or JPEG/);
    expectError3(await postLogo(form(PNG, 'image/jpeg')), 400, /PNG or JPEG/);
  });

  it('400 without the field "file", or without a multipart body', async () => {
    expectError3(await postLogo(form(PNG, 'image/png', 'image')), 400, /"file": is mandatory/);
    const res = await c.app.inject({ method: 'POST', url: `${API3}/reports2/reports-metadata/logo`, headers: { 'x-token-id': TOKEN, 'content-type': 'image/png' }, payload: PNG });
    expectError3(res, 400, /multipart\/form-data/);
  });

  it('413 for a logo over the limit', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_LOGO_SIZE)]);
    expectError3(await postLogo(form(big)), 413, /Payload too large/);
  });
});

describe('the documents', () => {
  it('an executive summary counts what GET /devices and the risk widget count', async () => {
    const ids = await create({ name: 'Board', type: 'executive', output_type: ['CSV'] });
    const csv = (await download(ids.reportsId, 'CSV')).body;
    const devices = await c.json3<unknown[]>('/devices');
    expect(csvRows(csv)).toContain(`devices,${devices.length}`);
    const risk = await c.json3<{ total: { total: number } }>('/dashboard/risk-score/devices/counts');
    expect(csvRows(csv)).toContain(`total,${risk.total.total}`);
  });

  it('answers a failed request with nothing written', async (): Promise<void> => {
    const res: LightMyRequestResponse = await c.v3('POST', '/reports2/reports-metadata', { name: 'x', type: 'executive', output_type: ['PDF', 'BAD'] });
    expectError3(res, 400);
    expect(await list()).toEqual([]);
  });
});
