/** The sensors' global credentials → Cisco's answer to GET, POST and PUT /globalCredentials (../schemas/global-credentials.ts): the two keys, flat. */
import { GLOBAL_CREDENTIAL_KEYS, type GlobalCredentials } from '../../../domain/global-credentials.js';
import type { GlobalCredentialsSchema } from '../schemas/global-credentials.js';
import type { Wire } from './common.js';

export const globalCredentials = (c: GlobalCredentials): Wire<typeof GlobalCredentialsSchema> => ({
  [GLOBAL_CREDENTIAL_KEYS.login]: c.login,
  [GLOBAL_CREDENTIAL_KEYS.password]: c.password,
});
