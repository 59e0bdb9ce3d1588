/**
 * Errors are data: code throws an ApiError carrying its HTTP status, and one handler
 * (src/plugins/error-handler.ts) renders the guide's envelope (5.7):
 * {"status": "error", "message": "…"}.
 */
export type ErrorStatus = 400 | 401 | 402 | 403 | 404 | 309 | 409 | 412 | 415 | 422 | 500 | HttpLayerStatus;

/**
 * What the HTTP layer (Node's parser and server, Fastify's router) refuses before any route
 * answers, with the status HTTP gives it (RFC 9110, 9112, 6585): a timeout (408), chunk
 * extensions over Node's limit (413), a path parameter over the router's limit (414), an
 * expectation other than 100-continue (417), a request line and headers over Node's limit (431).
 * divergence: guide 4 lists 200, 400, 401, 402, 404 and 500 only; these requests never reach
 * the API, and the status HTTP gives them is kept (in the guide's envelope, 5.7).
 */
export type HttpLayerStatus = 408 | 413 | 414 | 417 | 431;

/** What a message may echo of the client's text: the first ECHO_MAX characters. */
export const ECHO_MAX = 200;
const echo = (text: string) => (text.length > ECHO_MAX ? `${text.slice(0, ECHO_MAX)}…` : text);

export class ApiError extends Error {
  constructor(
    readonly statusCode: ErrorStatus,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The error table: one constructor per case, in the guide's words where it has some (4, 6.x). */
export const errors = {
  badRequest: (message: string) => new ApiError(400, message),
  badId: (what: string, id: string) => new ApiError(400, `Invalid ${what} id: "${echo(id)}" is not a UUID`),
  missingToken: () => new ApiError(401, 'Token error: no token was given'),
  // Cisco's 3.0 document: the token is an apiKey in the x-token-id header, never in the query.
  tokenNotInHeader: () => new ApiError(401, 'Token error: API 3.0 takes the token in the x-token-id header, not as ?token='),
  invalidToken: () => new ApiError(401, 'Token error: the token is either unknown, expired, disabled or invalid'),
  license: () => new ApiError(402, "License error: the current license doesn't allow to use the API"),
  notFound: (what: string, id: string) => new ApiError(404, `${what} not found: ${echo(id)}`),
  /** Cisco: "404 at least one group not found" (GET /groups/{id}, ids joined with ';'): every unknown one, well-formed ids only. */
  unknownGroups: (ids: readonly string[]) => new ApiError(404, `Group${ids.length > 1 ? 's' : ''} not found: ${ids.join(', ')}`),
  unknownComponents: (ids: readonly string[], status: 400 | 404) =>
    new ApiError(status, `Unknown component id${ids.length > 1 ? 's' : ''}: ${ids.join(', ')}`),
  routeNotFound: (method: string, url: string) => new ApiError(404, `Route ${method}:${echo(url)} not found`),
  alreadyGrouped: (componentId: string) =>
    new ApiError(309, `The component ${componentId} is already in a group`),
  labelTaken: (label: string) => new ApiError(409, `A group with the label "${label}" already exists`),
  // Cisco's 3.0 document (postExtraField, putExtraField): "412 precondition failed. Label should be <= 60 characters and Value <= 180 characters".
  tooLong: (field: string, max: number, length: number) =>
    new ApiError(412, `Precondition failed: the ${field} should be <= ${max} characters (it has ${length})`),
  // guide 6.3.10: "400 … the given Component isn't in the given Group".
  notInGroup: (componentId: string, groupId: string) =>
    new ApiError(400, `The component ${componentId} is not in the group ${groupId}`),
  unknownIds: (what: 'device' | 'group', ids: readonly string[]) => new ApiError(400, `Unknown ${what} id${ids.length > 1 ? 's' : ''}: ${ids.join(', ')}`),
  deviceNotInGroup: (deviceId: string, groupId: string) => new ApiError(400, `The device ${deviceId} has no component in the group ${groupId}`),
  notNested: (childId: string, groupId: string) => new ApiError(400, `The group ${childId} is not nested in the group ${groupId}`),
  // Cisco 3.0 PATCH /groups/{id}: "403 forbidden. The "op" - "Path" association is not allowed".
  patchNotAllowed: (op: string, path: string) => new ApiError(403, `The operation "${op}" is not allowed on the path "${path}"`),
  // Cisco 3.0 PUT and PATCH /groups/{id}: "422 unprocessable entity. Invalid parent hierarchy".
  invalidHierarchy: (childId: string, parentId: string) =>
    new ApiError(422, `Invalid parent hierarchy: the group ${parentId} cannot hold the group ${childId}, which holds it`),
  // Cisco 3.0 /globalCredentials: "409 conflict with existing global credentials" (POST), "404 global credentials not found" (GET, DELETE).
  globalCredentialsExist: () => new ApiError(409, 'Global credentials already exist: change them with PUT /globalCredentials'),
  noGlobalCredentials: () => new ApiError(404, 'Global credentials not found'),
  // Cisco 3.0 POST and PUT /globalCredentials: "412 precondition failed. Too much depth of parameters or missing values for global credentials".
  credentialMissing: (field: string) => new ApiError(412, `Precondition failed: missing value for global credentials: "${field}"`),
  credentialTooDeep: (field: string) => new ApiError(412, `Precondition failed: too much depth of parameters: "${field}" holds an object`),
  // Cisco 3.0 /parameters: "409 conflict with an existing parameter" (POST), "404 parameter not found" (DELETE /parameters/{key}),
  // "412 precondition failed. Too much depth of parameters or missing values for parameters" (POST, PUT).
  parametersExist: (keys: readonly string[]) =>
    new ApiError(409, `Parameter${keys.length > 1 ? 's' : ''} already exist${keys.length > 1 ? '' : 's'}: ${keys.map((k) => `"${echo(k)}"`).join(', ')} (change ${keys.length > 1 ? 'them' : 'it'} with PUT /parameters)`),
  noParameter: (key: string) => new ApiError(404, `Parameter not found: "${echo(key)}"`),
  parameterMissing: (key: string | undefined) =>
    new ApiError(412, key === undefined ? 'Precondition failed: missing values for parameters: the body holds none' : `Precondition failed: missing value for parameters: "${echo(key)}"`),
  parameterTooDeep: (key: string) => new ApiError(412, `Precondition failed: too much depth of parameters: "${echo(key)}" holds an object`),
  // Cisco 3.0 SensorExplorer: "409 a folder with the same name already exists" (createFolder, updateFolder), and
  // "412 given sensor or folder type is different of "folder" or "sensor"" (selection, moveTo).
  folderLabelTaken: (label: string) => new ApiError(409, `A sensor folder with the label "${echo(label)}" already exists`),
  selectionType: (index: number, type: unknown) =>
    new ApiError(412, `Precondition failed: the type of entry ${index} is ${echo(JSON.stringify(type) ?? 'missing')}, not "folder" or "sensor"`),
  // guide 6.8: the one rule error the guide prints is `Invalid syntax for rule.\nWrong action name : "TagFlow2"`.
  invalidRule: (reason: string) => new ApiError(400, `Invalid syntax for rule.\n${reason}`),
  idMismatch: (bodyId: string, pathId: string, field = 'id') =>
    new ApiError(400, `The body ${field} "${bodyId}" differs from the ${field} in the path "${pathId}"`),
  tagInUse: (key: string, ruleIds: readonly string[]) =>
    new ApiError(400, `The tag "${key}" is used by the rule${ruleIds.length > 1 ? 's' : ''} ${ruleIds.join(', ')}: change or delete ${ruleIds.length > 1 ? 'them' : 'it'} first`),
  tagTaken: (key: string) => new ApiError(409, `A tag with the key "${key}" already exists`),
  // guide 6.8.1.5: the API "doesn't delete tags imported by the Knowledge DB file".
  knowledgeDbTag: (key: string, verb: 'changed' | 'deleted') =>
    new ApiError(400, `The tag "${key}" comes from the Knowledge DB and cannot be ${verb}`),
  // The control plane (not Cisco's): the admin key travels in the x-emulator-key header.
  missingAdminKey: () => new ApiError(401, 'Emulator key error: send the admin key in the x-emulator-key header'),
  invalidAdminKey: () => new ApiError(401, 'Emulator key error: the x-emulator-key header does not hold the admin key'),
  unknownScenario: (name: string, known: readonly string[]) =>
    new ApiError(400, `Unknown scenario "${name}": available scenarios are ${known.join(', ')}`),
  badSnapshotName: (name: string) =>
    new ApiError(400, `Invalid snapshot name "${name}": use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit`),
  snapshotTaken: (name: string) => new ApiError(409, `A snapshot named "${name}" already exists: delete it first`),
  badSnapshot: (name: string, reason: string) => new ApiError(400, `The snapshot "${name}" cannot be restored: ${reason}`),
  /** An operation of Cisco's 3.0 document the emulator does not serve (divergence: a real Center serves it). */
  internal: () => new ApiError(500, 'Internal server error: an unexpected error occurred'),
  // The HTTP layer, before any route (src/plugins/error-handler.ts). None echoes the request:
  // its URL or headers may carry a token (guide 6.1).
  unparsableRequest: () => new ApiError(400, 'Bad request: the HTTP request cannot be parsed'),
  badUrl: () => new ApiError(400, 'Bad request: the URL holds a malformed percent-encoding'),
  // RFC 9112 3.2: a 400 to an HTTP/1.1 request without a Host header, or with more than one.
  missingHost: () => new ApiError(400, 'Bad request: an HTTP/1.1 request must carry one Host header'),
  requestTimeout: () => new ApiError(408, 'Request timeout: the request did not arrive in time'),
  chunkExtensionsTooLarge: () => new ApiError(413, 'Payload too large: the chunk extensions of the body are too large'),
  paramTooLong: (max: number) => new ApiError(414, `URI too long: a path parameter is longer than ${max} characters`),
  // RFC 9110 10.1.1: an expectation the server cannot meet is a 417.
  expectationFailed: () => new ApiError(417, 'Expectation failed: the only expectation the Center meets is 100-continue'),
  headersTooLarge: (max: number) => new ApiError(431, `Request header fields too large: the request line and headers exceed ${max} bytes`),
  // Control-plane tokens (admin guide, "Token"): a name picks one token, so names are unique without case.
  tokenNameTaken: (name: string) => new ApiError(409, `A token with the name "${name}" already exists`),
  tokenExpiryPast: (expiresAt: string, now: string) =>
    new ApiError(400, `The expiration date ${expiresAt} is not later than now (${now})`),
  tokenNameAmbiguous: (name: string, count: number) =>
    new ApiError(409, `${count} tokens are named "${name}": name one by its id`),
} as const;
