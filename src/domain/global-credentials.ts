/**
 * The sensors' global credentials (Cisco 3.0 "GlobalCredentials"): the one login and password a
 * Center gives its sensors. Not the credentials of src/domain/credentials.ts, which are what
 * components accepted in clear-text protocols, read off the traffic.
 */
export interface GlobalCredentials {
  login: string;
  password: string;
}

/** Cisco's keys for them, in SensorsGlobalCredentials and in the answers. */
export const GLOBAL_CREDENTIAL_KEYS = { login: 'sensor.security.login', password: 'sensor.security.password' } as const;
