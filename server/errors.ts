import 'server-only';
import { z } from 'zod';
import { httpStatusOf, type AppErrorCode, type AppErrorInfo } from '@/lib/result';
import { describeVendorError } from '@/lib/vendor-error';
import { VendorError } from './adapters/errors';
import { log } from './log';

/** A coded failure with text a person can act on; maps to an HTTP status and to ActionResult errors. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status() {
    return httpStatusOf[this.code];
  }
}

export const forbidden = (what = 'this') => new AppError('forbidden', `You are not allowed to access ${what}.`);
export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);

/** zod issues → { "config.apiKey": "…" } for the form. */
export function fieldErrorsOf(err: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of err.issues) {
    const key = i.path.map(String).join('.') || '_';
    out[key] ??= i.message;
  }
  return out;
}

export function invalidInput(err: z.ZodError): AppError {
  const fields = fieldErrorsOf(err);
  const [firstKey, firstMsg] = Object.entries(fields)[0] ?? ['input', 'is invalid'];
  return new AppError('invalid_input', `${firstKey}: ${firstMsg}`, fields);
}

/** Any thrown value → the error shape the browser sees. Unexpected errors are logged and hidden. */
export function toAppErrorInfo(err: unknown): AppErrorInfo {
  if (err instanceof AppError) return { code: err.code, message: err.message, fieldErrors: err.fieldErrors };
  if (err instanceof z.ZodError) return toAppErrorInfo(invalidInput(err));
  if (err instanceof VendorError) {
    const info = err.toInfo();
    return { code: 'vendor', message: describeVendorError(info), vendor: info };
  }
  log.error('unexpected error', { error: String((err as Error)?.stack ?? err) });
  return { code: 'internal', message: 'Something went wrong on our side. The error has been logged.' };
}

export function statusOf(info: AppErrorInfo): number {
  return httpStatusOf[info.code];
}
