import { describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/app.js';
import { FixedClock } from '../src/clock.js';
import { openCenter } from '../src/startup.js';
import { ADMIN_KEY, NOW } from './helpers.js';

describe('buildApp', () => {
  const clock = new FixedClock(NOW);

  it('ends its services when it closes: live traffic, and a :memory: world’s temporary snapshot folder', async () => {
    const center = openCenter({ db: ':memory:', scenario: 'small', reset: false, clock });
    const app = await buildApp({ store: center.store, clock, adminKey: ADMIN_KEY });
    const stop = vi.spyOn(app.services.traffic, 'stop');
    const close = vi.spyOn(app.services.world, 'close');
    await app.close();
    expect(stop).toHaveBeenCalledOnce();
    expect(close).toHaveBeenCalledOnce();
    center.store.close();
  });
});
