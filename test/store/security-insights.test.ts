import { describe, expect, it } from 'vitest';
import { DC, FS, PC1, PC2, T0, id, seen, trafficStore } from './traffic-helpers.js';

const dns = (time: number, client: typeof PC1, name: string) => seen(time, client, { ...DC, port: 53 }, { properties: { 'dns-query-name': name, 'dns-query-type': 'A' } });
const store = trafficStore([
  dns(T0, PC1, 'www.google.com'),
  dns(T0 + 1, PC1, 'www.google.com'),
  dns(T0 + 2, PC2, 'www.google.com'),
  dns(T0 + 3, PC2, 'fs01.corp.plant.local'),
  dns(T0 + 1_000_000, PC1, 'teams.microsoft.com'),
  seen(T0 + 4, PC1, { ...FS, port: 445 }, { properties: { 'smb-share': '\\\\FS01\\Finance' } }),
  seen(T0 + 5, PC2, { ...FS, port: 8080 }, { properties: { 'http-host': 'www.linkedin.com:443', 'http-method': 'CONNECT' } }),
]);

describe('SecurityInsightRepo.values', () => {
  it('lists each value with its requests (flows) and requesters, the most requested first', () => {
    expect(store.securityInsights.values('dns')).toEqual([
      { label: 'www.google.com', requests: 3, componentsCount: 2 },
      { label: 'fs01.corp.plant.local', requests: 1, componentsCount: 1 },
      { label: 'teams.microsoft.com', requests: 1, componentsCount: 1 },
    ]);
    expect(store.securityInsights.values('smb')).toEqual([{ label: '\\\\FS01\\Finance', requests: 1, componentsCount: 1 }]);
    expect(store.securityInsights.values('http')).toEqual([{ label: 'www.linkedin.com:443', requests: 1, componentsCount: 1 }]);
  });

  it('keeps the flows whose life overlaps a window', () => {
    expect(store.securityInsights.values('dns', { from: T0 + 500_000 })).toEqual([{ label: 'teams.microsoft.com', requests: 1, componentsCount: 1 }]);
    expect(store.securityInsights.values('dns', { to: T0 + 1 }).map((v) => v.requests)).toEqual([2]);
  });
});

describe('SecurityInsightRepo.requesters', () => {
  it('lists the components that asked for a value, with their requests, the most first', () => {
    const got = store.securityInsights.requesters('dns', 'www.google.com');
    expect(got.map((r) => [r.view.component.id, r.requestsCount])).toEqual([
      [id(PC1), 2],
      [id(PC2), 1],
    ]);
    expect(got[0]?.view.component.ip).toBe(PC1.ip);
    expect(store.securityInsights.requesters('dns', 'nothing.example')).toEqual([]);
  });
});
