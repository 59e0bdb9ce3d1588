import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NO_FILTERS, type Preset, type PresetFilters } from '../../src/domain/preset.js';
import { type PresetScope, type ScopeContext, presetScope } from '../../src/domain/preset-scope.js';
import { loadProfile } from '../../src/seed/profile.js';
import { buildWorld } from '../../src/seed/world.js';
import { componentScopeWhere } from '../../src/store/scopes.js';
import { openStore, type Store } from '../../src/store/store.js';

type Scoped = Pick<Preset, 'filters' | 'search' | 'componentTagless' | 'activityTagless' | 'groupless' | 'hasExternalCommunications'>;
const NONE: Scoped = { filters: NO_FILTERS, search: '', componentTagless: 'indeterminate', activityTagless: 'indeterminate', groupless: 'indeterminate', hasExternalCommunications: 'indeterminate' };
const CENTER = 'e0000000-0000-4000-8000-000000000001';
const contextOf = (store: Store): ScopeContext => {
  const componentTags = new Set(store.db.prepare("SELECT key FROM tag WHERE type = 'component'").pluck().all() as string[]);
  return { centerId: CENTER, isComponentTag: (k) => componentTags.has(k) };
};

describe('scopes.componentIds on a hand-made world', () => {
  // PLC1 (10.10.1.10, PLC, group Line, S7 flow seen by sensor S1) · HMI (10.20.1.10, no tag, group Sub, S7 flow seen by S1)
  // SRV (10.1.1.10, FILE_SERVER, no group, SMB flow seen by S2) · IO (no IP, no tag, no group, no flow)
  const id = (n: number) => `c0000000-0000-5000-8000-00000000000${n}`;
  const [PLC1, HMI, SRV, IO] = [id(1), id(2), id(3), id(4)];
  let store: Store;
  const kept = (change: Partial<Scoped>, filters: Partial<PresetFilters> = {}) =>
    store.scopes.componentIds(presetScope({ ...NONE, ...change, filters: { ...NO_FILTERS, ...filters } }, contextOf(store)));
  const f = <V>(operator: 'include' | 'exclude', value: V) => ({ operator, value });
  const tag = (operator: 'include' | 'exclude', key: string) => f(operator, { id: key, label: key, type: '' });

  beforeEach(() => {
    store = openStore(':memory:');
    for (const [key, type] of [['PLC', 'component'], ['FILE_SERVER', 'component'], ['S7', 'flow'], ['SMB', 'flow']] as const) {
      store.tags.insert({ key, label: key, description: '', category: 'Device', type, it: true, ot: true, origin: 'kdb' });
    }
    const component = (n: number, ip: string | null, name: string) => store.components.insert({ id: id(n), mac: `00:00:00:00:00:0${n}`, ip, name, creationTime: n, lastActiveTime: n });
    const rows = [component(1, '10.10.1.10', 'PLC_1'), component(2, '10.20.1.10', 'HMI_1'), component(3, '10.1.1.10', 'FS01'), component(4, null, 'et200-001')];
    store.components.setTags(rows[0] as number, { PLC: 'info' }, { PLC: 'info' });
    store.components.setTags(rows[2] as number, { FILE_SERVER: 'info' }, { FILE_SERVER: 'info' });
    const group = (gid: string, label: string, members: number[]) =>
      store.groups.insert({ id: gid, label, creationTime: 1, description: '', comments: '', color: 'RED', industrialImpact: 'HIGH', properties: [] }, members);
    group('g-line', 'Line', [rows[0] as number]);
    group('g-sub', 'Sub', [rows[1] as number]);
    store.groups.setAttributes('g-sub', { parentId: 'g-line' });
    const flow = (n: number, src: number, dst: number, sensor: string, t: string) =>
      store.flows.insert(
        { id: `f${n}`, srcComponent: src, dstComponent: dst, srcMac: '', srcIp: null, srcPort: null, dstMac: '', dstIp: null, dstPort: null, ethertype: 'IPv4', protocol: 'TCP', sensorId: sensor, networkCategory: 'control', firstSeen: 1, lastSeen: 2 },
        { [t]: 'info' },
      );
    flow(1, rows[1] as number, rows[0] as number, 'S1', 'S7');
    flow(2, rows[1] as number, rows[2] as number, 'S2', 'SMB');
  });
  afterEach(() => store.close());

  it('keeps everything without filters', () => {
    expect(kept({})).toEqual([PLC1, HMI, SRV, IO]);
  });

  it.each<[string, Partial<PresetFilters>, string[]]>([
    ['a component tag, on the component', { tags: [tag('include', 'PLC')] }, [PLC1]],
    ['an activity tag, on the flows the component takes part in', { tags: [tag('include', 'S7')] }, [PLC1, HMI]],
    ['a component tag or an activity tag', { tags: [tag('include', 'FILE_SERVER'), tag('include', 'S7')] }, [PLC1, HMI, SRV]],
    ['an excluded activity tag', { tags: [tag('exclude', 'SMB')] }, [PLC1, IO]],
    ['an excluded component tag', { tags: [tag('exclude', 'PLC')] }, [HMI, SRV, IO]],
    ['a group, with its subgroups', { groups: [f('include', { id: 'g-line' })] }, [PLC1, HMI]],
    ['a subgroup alone', { groups: [f('include', { id: 'g-sub' })] }, [HMI]],
    ['an excluded group (ungrouped components stay)', { groups: [f('exclude', { id: 'g-sub' })] }, [PLC1, SRV, IO]],
    ['an unknown group', { groups: [f('include', { id: 'nope' })] }, []],
    ['a sensor, by the flows it saw', { sensors: [f('include', { id: 'S2' })] }, [HMI, SRV]],
    ['an excluded sensor', { sensors: [f('exclude', { id: 'S1' })] }, [SRV, IO]],
    ['a network', { networks: [f('include', { id: 'n', subnet: '10.0.0.0/8' })] }, [PLC1, HMI, SRV]],
    ['two networks', { networks: [f('include', { id: 'n', subnet: '10.10.1.0/24' }), f('include', { id: 'm', subnet: '10.1.0.0/16' })] }, [PLC1, SRV]],
    ['an excluded network (components without IP stay)', { networks: [f('exclude', { id: 'n', subnet: '10.20.0.0/16' })] }, [PLC1, SRV, IO]],
    ['this Center', { centers: [f('include', { id: CENTER })] }, [PLC1, HMI, SRV, IO]],
    ['another Center', { centers: [f('include', { id: 'other' })] }, []],
    ['a group and a tag: both must hold', { groups: [f('include', { id: 'g-line' })], tags: [tag('include', 'S7')] }, [PLC1, HMI]],
    ['a network and an excluded tag', { networks: [f('include', { id: 'n', subnet: '10.0.0.0/8' })], tags: [tag('exclude', 'PLC')] }, [HMI, SRV]],
  ])('applies %s', (_, filters, expected) => {
    expect(kept({}, filters)).toEqual(expected);
  });

  it.each<[string, Partial<Scoped>, string[]]>([
    ['components without tags', { componentTagless: 'true' }, [HMI, IO]],
    ['components with tags', { componentTagless: 'false' }, [PLC1, SRV]],
    ['ungrouped components', { groupless: 'true' }, [SRV, IO]],
    ['grouped components', { groupless: 'false' }, [PLC1, HMI]],
    ['a search in names, without case', { search: 'plc_' }, [PLC1]],
    ['a search in addresses', { search: '10.20.' }, [HMI]],
    ['a search where LIKE characters are plain text', { search: 'et200_' }, []],
    ['activity tagless, which does not apply to components', { activityTagless: 'true' }, [PLC1, HMI, SRV, IO]],
  ])('keeps %s', (_, change, expected) => {
    expect(kept(change)).toEqual(expected);
  });

  it('pins a scope: the components its conditions keep, decided again after a write', () => {
    const scope = presetScope({ ...NONE, filters: { ...NO_FILTERS, sensors: [f('include', { id: 'S1' })] } }, contextOf(store));
    const ids = (s: PresetScope) => {
      const where = componentScopeWhere(s);
      return store.db.prepare(`SELECT c.id FROM component c ${where.toString()} ORDER BY c.rowid`).pluck().all(...where.params);
    };
    const pinned = store.scopes.pin(scope);
    expect(pinned).not.toBe(scope);
    expect(ids(pinned)).toEqual([PLC1, HMI]);
    expect(ids(scope)).toEqual([PLC1, HMI]);
    // A flow S1 saw between IO and SRV: a new version, so both are kept.
    const rowid = (cid: string) => store.db.prepare('SELECT rowid FROM component WHERE id = ?').pluck().get(cid) as number;
    store.flows.insert(
      { id: 'f3', srcComponent: rowid(IO), dstComponent: rowid(SRV), srcMac: '', srcIp: null, srcPort: null, dstMac: '', dstIp: null, dstPort: null, ethertype: 'IPv4', protocol: 'TCP', sensorId: 'S1', networkCategory: 'control', firstSeen: 3, lastSeen: 4 },
      { S7: 'info' },
    );
    expect(ids(store.scopes.pin(scope))).toEqual([PLC1, HMI, SRV, IO]);
    expect(ids(scope)).toEqual([PLC1, HMI, SRV, IO]);
    // "All data" has no condition to decide.
    const all = presetScope(NONE, contextOf(store));
    expect(store.scopes.pin(all)).toBe(all);
  });

  it('asks for the risk scores and external communications it filters on, and applies them', () => {
    const scope = presetScope({ ...NONE, hasExternalCommunications: 'true', filters: { ...NO_FILTERS, riskScores: [f('include', { id: 'high', min: 70, max: 100 })] } }, contextOf(store));
    expect(() => store.scopes.componentIds(scope)).toThrow(/risk scores/);
    expect(() => store.scopes.componentIds(scope, { riskScore: () => 80 })).toThrow(/external communications/);
    const risk: Record<string, number> = { [PLC1]: 90, [HMI]: 70, [SRV]: 69 };
    const facts = { riskScore: (c: string) => risk[c] ?? null, hasExternalCommunications: (c: string) => c !== HMI };
    expect(store.scopes.componentIds(scope, facts)).toEqual([PLC1]);
  });
});

describe('scopes.componentIds on the seeded presets of `small`', () => {
  let store: Store;
  let total: number;
  // A stand-in for the risk scores stored later (per device): derived from the id, spread over 0-100.
  const facts = { riskScore: (id: string) => Number.parseInt(id.slice(0, 4), 16) % 101, hasExternalCommunications: (id: string) => id.charCodeAt(1) % 3 === 0 };
  const keep = (p: Preset) => store.scopes.componentIds(presetScope(p, contextOf(store)), facts);

  beforeAll(() => {
    store = openStore(':memory:');
    buildWorld(store, { profile: { ...loadProfile('small'), now: undefined }, end: Date.UTC(2026, 0, 15, 12) * 1000 });
    total = store.db.prepare('SELECT count(*) FROM component').pluck().get() as number;
  });
  afterAll(() => store.close());

  it('"All data" keeps every component', () => {
    const all = store.presets.list().find((p) => p.label === 'All data') as Preset;
    expect(presetScope(all, contextOf(store)).all).toBe(true);
    expect(keep(all)).toHaveLength(total);
  });

  it('each "My preset" keeps part of the plant: some components, not all', () => {
    const custom = store.presets.list().filter((p) => p.custom);
    expect(custom.length).toBeGreaterThanOrEqual(5);
    for (const p of custom) {
      const n = keep(p).length;
      expect(n, p.label).toBeGreaterThan(0);
      expect(n, p.label).toBeLessThan(total);
    }
  });

  it('keeps what the preset names: the PLCs of the first cell, the control room, the ungrouped', () => {
    const byLabel = (label: RegExp) => store.presets.list().find((p) => label.test(p.label)) as Preset;
    const cell = byLabel(/controllers$/);
    const group = cell.filters.groups[0]?.value.id as string;
    for (const c of keep(cell).map((cid) => store.components.get(cid))) {
      expect(c?.groupId).toBe(group);
      expect(Object.keys(c?.tags ?? {})).toContain('PLC');
    }
    for (const c of keep(byLabel(/^Control room$/)).map((cid) => store.components.get(cid))) expect(c?.ip).toMatch(/^10\.20\./);
    for (const c of keep(byLabel(/^Ungrouped$/)).map((cid) => store.components.get(cid))) expect(c?.groupId).toBeNull();
  });
});

describe('scopes.ofPreset: a preset\'s components, with the Center\'s own facts', () => {
  let store: Store;
  const byLabel = (label: string) => store.presets.list().find((p) => p.label === label) as Preset;

  beforeAll(() => {
    store = openStore(':memory:');
    buildWorld(store, { profile: { ...loadProfile('small'), now: undefined }, end: Date.UTC(2026, 0, 15, 12) * 1000 });
  });
  afterAll(() => store.close());

  it('keeps what componentIds keeps with the Center\'s id and tag types', () => {
    const centerId = store.settings.get('center.id') ?? null;
    const componentTags = new Set(store.tags.list().filter((t) => t.type === 'component').map((t) => t.key));
    const ctx: ScopeContext = { centerId, isComponentTag: (k) => componentTags.has(k) };
    for (const p of store.presets.list().filter((x) => x.filters.riskScores.length === 0 && x.hasExternalCommunications === 'indeterminate')) {
      expect(store.scopes.ofPreset(p), p.label).toEqual(store.scopes.componentIds(presetScope(p, ctx)));
    }
  });

  it('keeps nothing when the center filter names another Center, everything when it names this one', () => {
    const all = byLabel('All data');
    const center = (id: string) => ({ ...all, id: `${all.id}-${id}`, filters: { ...NO_FILTERS, centers: [{ operator: 'include' as const, value: { id } }] } });
    expect(store.scopes.ofPreset(center(store.settings.get('center.id') as string))).toEqual(store.scopes.ofPreset(all));
    expect(store.scopes.ofPreset(center(CENTER))).toEqual([]);
  });

  it("reads a component's risk score from its device's stored one", () => {
    const high = byLabel('High risk devices');
    // The seeded scores put some devices in this preset: every device low first.
    for (const d of [...store.devices.all()]) store.devices.setRiskScore(d.id, 10, 0);
    expect(store.scopes.ofPreset(high)).toEqual([]);
    const device = store.devices.all().next().value as { id: string; componentIds: string[] };
    expect(store.devices.setRiskScore(device.id, 85, 40)).toBe(true);
    expect([...store.scopes.ofPreset(high)].sort()).toEqual([...device.componentIds].sort());
    expect(store.scopes.ofPreset(byLabel('Medium risk'))).toEqual([]);
    store.devices.setRiskScore(device.id, 55, 40);
    expect(store.scopes.ofPreset(high)).toEqual([]);
    expect([...store.scopes.ofPreset(byLabel('Medium risk'))].sort()).toEqual([...device.componentIds].sort());
  });

  it('keeps the components at either end of an external communication for "External communications"', () => {
    const kept = store.scopes.ofPreset(byLabel('External communications'));
    expect(kept.length).toBeGreaterThan(0);
    for (const id of kept) expect(store.externalCommunications.ofComponent(id).length, id).toBeGreaterThan(0);
    const all = store.scopes.ofPreset(byLabel('All data'));
    const others = all.filter((id) => !kept.includes(id));
    expect(others.length).toBeGreaterThan(0);
    for (const id of others) expect(store.externalCommunications.ofComponent(id)).toEqual([]);
  });
});
