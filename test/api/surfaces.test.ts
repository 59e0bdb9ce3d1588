import { describe, expect, it } from 'vitest';
import { isApiRequest, surfaceOf } from '../../src/api/surfaces.js';

describe('surfaces', () => {
  it.each([
    ['/api/1.0/component?limit=1', true],
    ['/api/3.0/components', true],
    ['/api/2.0/nothing', true],
    ['/api/1.0/documentation', false],
    ['/api/1.0/documentation/json', false],
    ['/api/3.0/documentation/static/index.html', false],
    ['/api/1.0/documentationx', true],
    ['/_emulator/health', false],
    ['/', false],
  ])('%s is an API request: %s', (url, api) => {
    expect(isApiRequest(url)).toBe(api);
  });

  it.each([
    ['/api/1.0/component', '1.0'],
    ['/api/3.0/devices?page=1', '3.0'],
    ['/api/3.0', '3.0'],
    ['/api/3.0x/devices', undefined],
    ['/_emulator/health', undefined],
  ])('%s is under %s', (url, version) => {
    expect(surfaceOf(url)?.version).toBe(version);
  });
});
