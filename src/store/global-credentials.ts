/**
 * The sensors' global credentials (Cisco 3.0 "GlobalCredentials"): the login and password a
 * Center gives its sensors, kept as two Center parameters, `sensor.security.login` and
 * `sensor.security.password` (Cisco's postGlobalCredentials: "a mean of storing and retrieving
 * parameters in the database in the form of keys and values"), so they belong to the world as
 * the other settings do, and survive a restart.
 */
import type { GlobalCredentials } from '../domain/global-credentials.js';
import type { SettingRepo } from './settings.js';

export function createGlobalCredentialRepo(settings: SettingRepo) {
  return {
    /** Both parameters, or undefined when either is missing. */
    get(): GlobalCredentials | undefined {
      const login = settings.get('sensor.security.login');
      const password = settings.get('sensor.security.password');
      return login === undefined || password === undefined ? undefined : { login, password };
    },
    set(c: GlobalCredentials): void {
      settings.set('sensor.security.login', c.login);
      settings.set('sensor.security.password', c.password);
    },
    /** Whether there were any. */
    delete(): boolean {
      const login = settings.delete('sensor.security.login');
      const password = settings.delete('sensor.security.password');
      return login || password;
    },
  };
}

export type GlobalCredentialRepo = ReturnType<typeof createGlobalCredentialRepo>;
