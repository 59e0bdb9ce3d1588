/**
 * Cisco 3.0 "GlobalCredentials": the body of POST and PUT /globalCredentials
 * (`{"SensorsGlobalCredentials": {"sensor.security.login", "sensor.security.password"}}`) and
 * the answer of GET, POST and PUT (the two keys, flat), as the document gives them.
 */
import { z } from 'zod';
import { GLOBAL_CREDENTIAL_KEYS, type GlobalCredentials } from '../../../domain/global-credentials.js';
import { errors } from '../../../errors.js';
import { doc, named } from '../registry.js';

const { login: LOGIN, password: PASSWORD } = GLOBAL_CREDENTIAL_KEYS;
const WRAPPER = 'SensorsGlobalCredentials';

/** divergence: the password is shown, as Cisco's examples show it ("secretPassword"). */
export const GlobalCredentialsSchema = named(
  'GlobalCredentials',
  z.object({ [LOGIN]: z.string(), [PASSWORD]: z.string() }),
  "The sensors' global credentials: login and password, the password in clear as Cisco's examples give it.",
);

/** Documented as the string it must be; any value passes here, `globalCredentialsOf` reads it. */
const value = (what: string) => doc(z.unknown().optional(), { type: 'string', description: `${what}: a string, not empty` });

/**
 * The body's shape only: what is missing or too deep is Cisco's 412, not a 400, so the values
 * are read by `globalCredentialsOf`. Other keys, at either level, are ignored.
 */
export const GlobalCredentialsPayloadSchema = doc(
  z.object(
    {
      [WRAPPER]: z
        .looseObject({ [LOGIN]: value('the login'), [PASSWORD]: value('the password') }, { error: 'must be an object {"sensor.security.login", "sensor.security.password"}' })
        .nullable()
        .optional(),
    },
    { error: 'a JSON object is required' },
  ),
  {
    description: `Cisco's SensorsGlobalCredentials object: "${LOGIN}" and "${PASSWORD}", two strings, neither empty (412 when one is missing, or holds an object: "too much depth of parameters").`,
    example: { [WRAPPER]: { [LOGIN]: 'admin', [PASSWORD]: 'secretPassword' } },
  },
);

/**
 * The credentials of a body: a value that is neither a string nor an object is a 400 naming it;
 * a value that is an object (or an array) is a 412 (too much depth), an absent, null or empty one
 * a 412 (missing value).
 */
export function globalCredentialsOf(body: z.infer<typeof GlobalCredentialsPayloadSchema>): GlobalCredentials {
  const given = body[WRAPPER];
  if (given === undefined || given === null) throw errors.credentialMissing(WRAPPER);
  const entries = Object.entries(given);
  for (const [key, v] of entries) {
    const field = `${WRAPPER}.${key}`;
    if (v !== undefined && v !== null && typeof v !== 'object' && typeof v !== 'string') throw errors.badRequest(`Invalid body field "${field}": must be a string`);
  }
  for (const [key, v] of entries) if (v !== null && typeof v === 'object') throw errors.credentialTooDeep(`${WRAPPER}.${key}`);
  const value = (key: typeof LOGIN | typeof PASSWORD): string => {
    const v = given[key];
    if (typeof v !== 'string' || v === '') throw errors.credentialMissing(`${WRAPPER}.${key}`);
    return v;
  };
  return { login: value(LOGIN), password: value(PASSWORD) };
}
