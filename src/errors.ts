/**
 * Errors are data: code throws an ApiError carrying its HTTP status, and one handler
 * (src/plugins/error-handler.ts) renders the guide's envelope (5.7):
 * {"status": "error", "message": "…"}.
 */
export type ErrorStatus = 400 | 401 | 402 | 404 | 309 | 409 | 500;

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
  badId: (what: string, id: string) => new ApiError(400, `Invalid ${what} id: "${id}" is not a UUID`),
  missingToken: () => new ApiError(401, 'Token error: no token was given'),
  invalidToken: () => new ApiError(401, 'Token error: the token is either unknown, expired, disabled or invalid'),
  license: () => new ApiError(402, "License error: the current license doesn't allow to use the API"),
  notFound: (what: string, id: string) => new ApiError(404, `${what} not found: ${id}`),
  routeNotFound: (method: string, url: string) => new ApiError(404, `Route ${method}:${url} not found`),
  alreadyGrouped: (componentId: string) =>
    new ApiError(309, `The component ${componentId} is already in a group`),
  labelTaken: (label: string) => new ApiError(409, `A group with the label "${label}" already exists`),
  internal: () => new ApiError(500, 'Internal server error: an unexpected error occurred'),
} as const;
