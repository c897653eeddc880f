import 'server-only';
import type { Vendor } from '@/lib/schemas/common';
import { vendorErrorKindText, type VendorErrorInfo, type VendorErrorKind } from '@/lib/vendor-error';

export class VendorError extends Error {
  readonly kind: VendorErrorKind;
  readonly vendor: Vendor;
  readonly vendorCode?: string;
  readonly vendorMessage?: string;
  readonly operation?: string;
  readonly httpStatus?: number;

  constructor(init: {
    kind: VendorErrorKind;
    vendor: Vendor;
    vendorCode?: string | number;
    vendorMessage?: string;
    operation?: string;
    httpStatus?: number;
    message?: string;
    cause?: unknown;
  }) {
    super(init.message ?? vendorErrorKindText[init.kind], { cause: init.cause });
    this.name = 'VendorError';
    this.kind = init.kind;
    this.vendor = init.vendor;
    this.vendorCode = init.vendorCode === undefined ? undefined : String(init.vendorCode);
    this.vendorMessage = init.vendorMessage;
    this.operation = init.operation;
    this.httpStatus = init.httpStatus;
  }

  toInfo(): VendorErrorInfo {
    return {
      kind: this.kind,
      vendor: this.vendor,
      vendorCode: this.vendorCode,
      vendorMessage: this.vendorMessage,
      operation: this.operation,
      message: this.message,
    };
  }
}

export function isVendorError(e: unknown): e is VendorError {
  return e instanceof VendorError;
}

/** For capabilities an adapter lacks, when a caller asks anyway. */
export function unsupported(vendor: Vendor, what: string): VendorError {
  return new VendorError({ kind: 'unsupported', vendor, message: `${what} is not offered by this vendor's API` });
}

/** Validates a vendor payload against its wire schema; a mismatch is an `invalid_response` naming the field. */
export function parseWire<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  value: unknown,
  vendor: Vendor,
  operation: string,
): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const where = first?.path.length ? first.path.map(String).join('.') : 'body';
  throw new VendorError({ kind: 'invalid_response', vendor, operation, vendorMessage: `${where}: ${first?.message ?? 'unexpected shape'}` });
}
