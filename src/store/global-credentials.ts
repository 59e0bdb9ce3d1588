/**
 * The sensors' global credentials (Cisco 3.0 "GlobalCredentials"): the login and password a
 * Center gives its sensors, kept as two Center parameters, `sensor.security.login` and
 * `sensor.security.password` (Cisco's postGlobalCredentials: "a mean of storing and retrieving
 * parameters in the database in the form of keys and values", src/store/parameters.ts), so
 * /parameters shows and writes them too; they belong to the world and survive a restart.
 */
import type { GlobalCredentials } from '../domain/global-credentials.js';
import type { ParameterRepo } from './parameters.js';

export function createGlobalCredentialRepo(parameters: ParameterRepo) {
  // A parameter written through PUT /parameters may be a number or a boolean: read as its text.
  const text = (key: string): string | undefined => {
    const v = parameters.get(key);
    return v === undefined ? undefined : String(v);
  };
  return {
    /** Both parameters, or undefined when either is missing. */
    get(): GlobalCredentials | undefined {
      const login = text('sensor.security.login');
      const password = text('sensor.security.password');
      return login === undefined || password === undefined ? undefined : { login, password };
    },
    set(c: GlobalCredentials): void {
      parameters.set('sensor.security.login', c.login);
      parameters.set('sensor.security.password', c.password);
    },
    /** Whether there were any. */
    delete(): boolean {
      const login = parameters.delete('sensor.security.login');
      const password = parameters.delete('sensor.security.password');
      return login || password;
    },
  };
}

export type GlobalCredentialRepo = ReturnType<typeof createGlobalCredentialRepo>;
