/**
 * GET /dashboard/events/categories, /dashboard/events/severities and /dashboard/protocols/counts
 * (API 3.0, issue 18): the events counted are API 1.0's, the protocols those of GET /activities.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WidgetEventByCategorySchema, WidgetEventsBySeveritySchema, WidgetProtocolDistributionResponseSchema } from '../../../src/api/v3/schemas/dashboard.js';
import { EVENT_CATEGORIES } from '../../../src/domain/vocabulary.js';
import { API, UNKNOWN, expectError3, expectShape, micros, testCenter, type TestCenter } from '../../helpers.js';

interface Event1 {
  id: string;
  creation_time: string;
  severity: string;
  category: string;
  short_message: string;
}
interface Activity {
  tags: { id: string; label: string; category: { label: string } }[];
}

let c: TestCenter;
let events: Event1[];
let centerId: string;
beforeAll(async () => {
  c = await testCenter();
  events = [];
  for (let offset = 0; ; offset += 2000) {
    const page = await c.json<Event1[]>(`${API}/event?limit=2000&offset=${offset}`);
    events.push(...page);
    if (page.length < 2000) break;
  }
  centerId = c.store.settings.get('center.id') as string;
});
afterAll(() => c.close());

const countBy = <T>(rows: T[], key: (r: T) => string) => rows.reduce((m, r) => m.set(key(r), (m.get(key(r)) ?? 0) + 1), new Map<string, number>());
const OTHER_CENTER = UNKNOWN;

describe('GET /dashboard/events/categories', () => {
  it('counts the events of GET /api/1.0/event by category, every category listed', async () => {
    const body = await c.json3<{ total: { category: string; count: number }[]; centers: Record<string, unknown>[] }>('/dashboard/events/categories');
    expectShape(WidgetEventByCategorySchema, body);
    const want = countBy(events, (e) => e.category);
    expect(body.total).toEqual(EVENT_CATEGORIES.map((category) => ({ category, count: want.get(category) ?? 0 })));
    expect(body.total.filter((t) => t.count > 0).length).toBeGreaterThan(3);
    expect(body.centers).toEqual([{ id: centerId, label: 'Center', anomaly: 0, extension: 0, security: want.get('Security') ?? 0, signature: 0, total: events.length }]);
    expect(events.length).toBeGreaterThan(100);
  });

  it("counts nothing for another Center's id, and this Center's among others", async () => {
    const other = await c.json3<{ total: { count: number }[]; centers: unknown[] }>(`/dashboard/events/categories?centerId=${OTHER_CENTER}`);
    expect(other.centers).toEqual([]);
    expect(other.total.every((t) => t.count === 0)).toBe(true);
    expect(await c.json3(`/dashboard/events/categories?centerId=${OTHER_CENTER},${centerId.toUpperCase()}`)).toEqual(await c.json3('/dashboard/events/categories'));
  });

  it('answers 400 for a centerId that is not a UUID', async () => {
    expectError3(await c.v3('GET', '/dashboard/events/categories?centerId=local'), 400, /"local" is not a UUID/);
  });
});

describe('GET /dashboard/events/severities', () => {
  it('counts the events of GET /api/1.0/event by severity (critical: Very High)', async () => {
    const body = await c.json3<{ centers: Record<string, unknown>[]; events: Record<string, unknown>[] }>('/dashboard/events/severities');
    expectShape(WidgetEventsBySeveritySchema, body);
    const n = countBy(events, (e) => e.severity);
    const want = { critical: n.get('Very High') ?? 0, high: n.get('High') ?? 0, medium: n.get('Medium') ?? 0, low: n.get('Low') ?? 0 };
    expect(body.centers).toEqual([{ id: centerId, label: 'Center', ...want, total: events.length }]);
    expect(Object.values(want).filter((x) => x > 0).length).toBe(4);
  });

  it('lists the ten most severe events of API 1.0, the latest first within a severity', async () => {
    const body = await c.json3<{ events: Record<string, unknown>[] }>('/dashboard/events/severities');
    const rank = ['Very High', 'High', 'Medium', 'Low'];
    const ordered = [...events].sort((a, b) => rank.indexOf(a.severity) - rank.indexOf(b.severity) || micros(b.creation_time) - micros(a.creation_time));
    expect(body.events).toEqual(
      ordered.slice(0, 10).map((e) => ({
        id: e.id,
        date: Math.floor(micros(e.creation_time) / 1000),
        severity: e.severity,
        category: e.category,
        shortMessage: e.short_message,
        centerId,
        centerLabel: 'Center',
      })),
    );
  });

  it("answers nothing for another Center's id", async () => {
    expect(await c.json3(`/dashboard/events/severities?centerId=${OTHER_CENTER}`)).toEqual({ centers: [], events: [] });
  });

  it('answers 400 for a centerId that is not a UUID', async () => {
    expectError3(await c.v3('GET', '/dashboard/events/severities?centerId=1,2'), 400, /"1" is not a UUID/);
  });
});

describe('GET /dashboard/protocols/counts', () => {
  it('counts the activities of GET /activities carrying each Protocol tag, the most carried first', async () => {
    const body = await c.json3<{ total: { tagId: string; tagLabel: string; count: number }[]; centers: unknown[] }>('/dashboard/protocols/counts');
    expectShape(WidgetProtocolDistributionResponseSchema, body);
    const activities = await c.json3<Activity[]>('/activities');
    const want = new Map<string, { tagId: string; tagLabel: string; count: number }>();
    for (const a of activities) {
      for (const t of a.tags.filter((x) => x.category.label === 'Protocol')) want.set(t.id, { tagId: t.id, tagLabel: t.label, count: (want.get(t.id)?.count ?? 0) + 1 });
    }
    expect(new Map(body.total.map((t) => [t.tagId, t]))).toEqual(want);
    expect(body.total.map((t) => t.count)).toEqual(body.total.map((t) => t.count).sort((a, b) => b - a));
    expect(body.total.length).toBeGreaterThan(5);
    expect(body.centers).toEqual([{ centerId, centerName: 'Center', total: body.total }]);
  });

  it('lists at most `limit` centers, none for another Center', async () => {
    expect((await c.json3<{ centers: unknown[] }>('/dashboard/protocols/counts?limit=0')).centers).toEqual([]);
    expect(await c.json3(`/dashboard/protocols/counts?centerId=${OTHER_CENTER}`)).toEqual({ total: [], centers: [] });
  });

  it('answers 400 for a centerId that is not a UUID, or a bad limit', async () => {
    expectError3(await c.v3('GET', '/dashboard/protocols/counts?centerId=x'), 400, /"x" is not a UUID/);
    expectError3(await c.v3('GET', '/dashboard/protocols/counts?limit=many'), 400, /limit/);
  });
});
