import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_FILTERS, type Preset, type PresetDataInfo, categoryId } from '../../src/domain/preset.js';
import { NO_DATA } from '../../src/store/presets.js';
import { openStore, type Store } from '../../src/store/store.js';

const basics = { id: categoryId('Basics'), label: 'Basics', priorityOrder: 1 };
const mine = { id: categoryId('My preset'), label: 'My preset', priorityOrder: 0 };
const preset = (id: string, label: string, category = basics, change: Partial<Preset> = {}): Preset => ({
  id,
  label,
  description: `${label}.`,
  category,
  custom: category === mine,
  imported: false,
  creatorEmail: category === mine ? 'j.martin@example.com' : '',
  lastUpdate: 1_780_993_711_589_000,
  priorityOrder: 0,
  badges: [{ id: '469f31fb-0712-4692-a9f7-77295590daab', iconKey: 'custom', label: 'Custom', description: 'My personal preset' }],
  filters: {
    ...NO_FILTERS,
    sensors: [{ operator: 'include', value: { id: '4d020c13-7773-4088-8ac7-bd8bd943adcf', label: 'cluster01-merged.pcap', ip: '', serialNumber: '', captureMode: '', centerId: null } }],
  },
  search: '',
  componentTagless: 'indeterminate',
  activityTagless: 'indeterminate',
  groupless: 'true',
  hasExternalCommunications: 'indeterminate',
  operationalStarred: false,
  securityStarred: true,
  ...change,
});
const refreshed: PresetDataInfo = { presetDataAvailable: true, lastRefresh: 1_780_993_800_000_000, lastRefreshDuration: 420, refreshInProgress: false, forceRefreshRequested: false };

let store: Store;
beforeEach(() => {
  store = openStore(':memory:');
});
afterEach(() => store.close());

describe('presets', () => {
  it('gives a preset back whole, filters as they were given', () => {
    const p = preset('p1', 'cluster01-merged.pcap', mine);
    store.presets.insert(p);
    expect(store.presets.get('p1')).toEqual(p);
    expect(store.presets.get('nope')).toBeUndefined();
  });

  it('lists by category order, then by the presets\' order, then as created', () => {
    store.presets.insert(preset('b2', 'IT infrastructure', basics, { priorityOrder: 3 }));
    store.presets.insert(preset('m1', 'Mine', mine));
    store.presets.insert(preset('b1', 'All data', basics, { priorityOrder: 1 }));
    store.presets.insert(preset('m2', 'Mine too', mine));
    expect(store.presets.list().map((p) => p.id)).toEqual(['m1', 'm2', 'b1', 'b2']);
    expect(store.presets.categories()).toEqual([mine, basics]);
  });

  it('has no data until told, then the state it was told', () => {
    store.presets.insert(preset('p1', 'A'));
    expect(store.presets.dataInfo('p1')).toEqual(NO_DATA);
    expect(store.presets.setDataInfo('p1', refreshed)).toBe(true);
    expect(store.presets.dataInfo('p1')).toEqual(refreshed);
    store.presets.insert(preset('p2', 'B'), { ...refreshed, refreshInProgress: true });
    expect(store.presets.dataInfo('p2')?.refreshInProgress).toBe(true);
  });

  it('answers unknown presets with nothing', () => {
    expect(store.presets.dataInfo('nope')).toBeUndefined();
    expect(store.presets.setDataInfo('nope', refreshed)).toBe(false);
    expect(store.presets.delete('nope')).toBe(false);
  });

  it('deletes a preset; its category stays', () => {
    store.presets.insert(preset('p1', 'A', mine));
    expect(store.presets.delete('p1')).toBe(true);
    expect(store.presets.list()).toEqual([]);
    expect(store.presets.categories()).toEqual([mine]);
  });
});
