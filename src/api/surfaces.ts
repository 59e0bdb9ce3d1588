/**
 * The API surfaces the emulator serves over one world: 1.0 (the guide) and 3.0 (Cisco's Swagger
 * document). What the journal, the faults, the error envelope and the documentation pages need
 * to know of them: where each lives, and where its documentation page is.
 */
export interface Surface {
  version: '1.0' | '3.0';
  prefix: string;
  /** The API Documentation page (Swagger UI), which is not the API: no token, no journal, no fault. */
  docs: string;
}

export const V1: Surface = { version: '1.0', prefix: '/api/1.0', docs: '/api/1.0/documentation' };
export const V3: Surface = { version: '3.0', prefix: '/api/3.0', docs: '/api/3.0/documentation' };
export const SURFACES: readonly Surface[] = [V1, V3];

const within = (url: string, prefix: string): boolean => url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`);

/** Whether a request is an API request: anything under /api/ (unknown versions too, as 404s) but the documentation pages. */
export function isApiRequest(url: string): boolean {
  return url.startsWith('/api/') && !SURFACES.some((s) => within(url, s.docs));
}

/** The surface a URL is under, if any. */
export function surfaceOf(url: string): Surface | undefined {
  return SURFACES.find((s) => within(url, s.prefix));
}
