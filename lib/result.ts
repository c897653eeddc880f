import type { VendorErrorInfo } from './vendor-error';

export const appErrorCodes = ['unauthenticated', 'forbidden', 'not_found', 'invalid_input', 'conflict', 'vendor', 'internal'] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

export interface AppErrorInfo {
  code: AppErrorCode;
  message: string;
  /** Field path ("config.apiKey", "keymap.3.destination.target") → message. */
  fieldErrors?: Record<string, string>;
  vendor?: VendorErrorInfo;
}

/** What every server action returns: never throws across the wire, so a failed save keeps the form filled. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: AppErrorInfo };

export const httpStatusOf: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 422,
  conflict: 409,
  vendor: 502,
  internal: 500,
};
