import type { Vendor } from './schemas/common';

/**
 * The taxonomy every adapter failure is reduced to. `rate_limited` is separate from `rejected` because the
 * live hub backs off on it instead of reporting a bad request.
 */
export const vendorErrorKinds = [
  'unreachable',
  'timeout',
  'auth',
  'not_found',
  'rejected',
  'rate_limited',
  'invalid_response',
  'unsupported',
] as const;
export type VendorErrorKind = (typeof vendorErrorKinds)[number];

/** The serializable form that crosses to the browser. */
export interface VendorErrorInfo {
  kind: VendorErrorKind;
  vendor: Vendor;
  /** The vendor's own code (HoduPBX 606, HTTP 502…), when it gave one. */
  vendorCode?: string;
  /** The vendor's own words, verbatim, or the documented meaning of its code. */
  vendorMessage?: string;
  /** Which vendor call failed (`cdr.download`, `info/TENANT/callLog`). */
  operation?: string;
  /** Our explanation for a person. */
  message: string;
}

export const vendorErrorKindText: Record<VendorErrorKind, string> = {
  unreachable: 'The PBX could not be reached',
  timeout: 'The PBX did not answer in time',
  auth: 'The PBX refused the credentials',
  not_found: 'The PBX does not know this object',
  rejected: 'The PBX refused the request',
  rate_limited: 'The PBX is limiting requests',
  invalid_response: 'The PBX sent an answer we could not read',
  unsupported: "The PBX's API does not offer this",
};

/** "HoduPBX 606: Limit Reached" — the line shown under a failed save. */
export function describeVendorError(e: VendorErrorInfo): string {
  const code = e.vendorCode ? ` ${e.vendorCode}` : '';
  const said = e.vendorMessage ? `: ${e.vendorMessage}` : '';
  return `${e.message} (${labelOf(e.vendor)}${code}${said})`;
}

function labelOf(v: Vendor) {
  return { pbxware: 'PBXware', hodupbx: 'HoduPBX', mirta: 'MiRTA', portsip: 'PortSIP' }[v];
}
