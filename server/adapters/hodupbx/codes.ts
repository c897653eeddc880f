/**
 * HoduPBX status codes, per endpoint family, as documented (000 admin guide, 001 tenant manual v1.4).
 *
 * HoduPBX has no single error scheme: the same number means different things on different endpoints
 * (406 is "Not Acceptable" on click2call, "Tenant Not Active" on callLog and "No Recording Found" on
 * recordingPath). So every family has its own table. This file is pure data: the emulator imports it to
 * answer, the adapter to translate. It must never import anything.
 */

/** What a code means to a caller, independent of its number. The adapter turns this into a VendorError kind. */
export type HoduMeaning =
  | 'ok'
  /** Token missing, unknown, or not valid for the user type. */
  | 'auth'
  /** Path `{userType}` wrong for this token or endpoint. */
  | 'user_type'
  /** The requested object does not exist. */
  | 'not_found'
  /** "No data": on list endpoints this is an empty result, not an error. */
  | 'empty'
  /** Tenant or extension inactive / deleted. */
  | 'inactive'
  /** A parameter is missing, malformed or not allowed. */
  | 'invalid'
  /** Duplicate value. */
  | 'conflict'
  /** Tenant limit for a service reached. */
  | 'limit'
  /** The tenant or extension lacks the service. */
  | 'denied'
  /** Unknown URL or method. */
  | 'method'
  /** Server-side failure. */
  | 'server';

export interface HoduCode {
  /** The documented "Status message", verbatim. */
  message: string;
  meaning: HoduMeaning;
}

export type HoduFamily =
  | 'callLog'
  | 'activeCalls'
  | 'balance'
  | 'recordingPath'
  | 'click2call'
  | 'crm'
  | 'adminLookup'
  | 'assignDid'
  | 'createTenant'
  | 'extensionWrite'
  | 'extensionFeature'
  | 'speedDial'
  | 'mapDid'
  | 'tenantLookup'
  | 'tenantList'
  | 'payment'
  | 'invoice';

type Table = Readonly<Record<number, HoduCode>>;
const c = (message: string, meaning: HoduMeaning): HoduCode => ({ message, meaning });
const METHOD_FAILED = c('Method Failed', 'method');

// F1, the old "info" endpoints (000:L143-261, 001:L161-174, 292-302, 1332-1384). 406 differs per endpoint.
const INFO_BASE: Table = {
  200: c('OK', 'ok'),
  404: c('Missing Parameter', 'invalid'),
  405: c('No Token', 'auth'),
  406: c('Tenant Not Active', 'inactive'),
  408: c('No Tenant Found', 'not_found'),
  414: c('Invalid User Type', 'user_type'),
  424: METHOD_FAILED,
  500: c('Internal Server Error', 'server'),
  501: c('Authentication Failed', 'auth'),
  502: c('Exception Thrown', 'server'),
};

// F13 tenant lookups "A" (getPlan, getGroup, getShift, getBalancePlan, getRuleGroup, getTenantDetails, getTimezone).
const TENANT_LOOKUP: Table = {
  200: c('OK', 'ok'),
  424: METHOD_FAILED,
  601: c('Data Not Found', 'empty'),
  602: c('Authentication Failed', 'auth'),
  603: c('No Token', 'auth'),
  604: c('Invalid User Type', 'user_type'),
  605: c('No Tenant Found', 'not_found'),
  606: c('Tenant is Inactive OR deleted', 'inactive'),
};

// F14 tenant lists "B" (getTenantInfo, getExtension, getIVR, getQueue, getRingGroup, getVoicemailExt, …).
const TENANT_LIST: Table = {
  200: c('Ok', 'ok'),
  424: METHOD_FAILED,
  601: c('Data Not Found', 'empty'),
  602: c('No Token', 'auth'),
  603: c('Authentication Failed', 'auth'),
  604: c('Invalid User Type', 'user_type'),
};

export const HODU_CODES: Readonly<Record<HoduFamily, Table>> = {
  callLog: {
    ...INFO_BASE,
    411: c('No Call Log Details Found', 'empty'),
    412: c('Invalid Start Date', 'invalid'),
    413: c('Invalid End Date', 'invalid'),
  },
  activeCalls: INFO_BASE,
  balance: { ...INFO_BASE, 409: c('No Balance Details Found', 'empty') },
  recordingPath: { ...INFO_BASE, 406: c('No Recording Found', 'not_found') },
  // F2 (000:L31-35; 001:L208-211, 248-251)
  click2call: { 200: c('OK', 'ok'), 406: c('Not Acceptable', 'invalid'), 424: METHOD_FAILED, 500: c('Failed to Dial', 'server') },
  crm: { 200: c('Extension Subscribed Successfully', 'ok'), 406: c('Not Acceptable', 'invalid'), 424: METHOD_FAILED },
  // F3 admin lookups and getDID (000:L279-283 … L477-481)
  adminLookup: {
    200: c('OK', 'ok'),
    424: METHOD_FAILED,
    601: c('Data Not Found', 'empty'),
    602: c('Token Not Found', 'auth'),
    603: c('Not Matched', 'auth'),
  },
  // F4 (000:L510-527)
  assignDid: {
    200: c('OK', 'ok'),
    424: METHOD_FAILED,
    601: c('Data Not Found', 'not_found'),
    602: c('Can Not Be Empty', 'invalid'),
    603: c('Not Matched', 'auth'),
    604: c('Invalid Tenant ID', 'invalid'),
    605: c('DID Not Found', 'invalid'),
    606: c('Format Conflict', 'invalid'),
    607: c('DID Limit', 'limit'),
    608: c('Invalid DID', 'invalid'),
    609: c('Invalid DID ID', 'not_found'),
    610: c('Access Denied', 'denied'),
    611: c('Sale Rateplan Not Found', 'invalid'),
    612: c('Invalid Rateplan', 'invalid'),
    613: c('Currency Not Matched', 'invalid'),
    614: c('No Tenant', 'not_found'),
    615: c('No Sell Rateplan', 'not_found'),
  },
  // F5 createTenant (000:L676-691); its 200 line reads "Extension Subscribed Successfully" (sic).
  createTenant: {
    200: c('Extension Subscribed Successfully', 'ok'),
    424: METHOD_FAILED,
    601: c('Data Not Found', 'not_found'),
    602: c('Can Not Be Empty', 'invalid'),
    603: c('Not Matched', 'auth'),
    604: c('Invalid Input', 'invalid'),
    605: c('Already Exists', 'conflict'),
    606: c('Not Allow', 'invalid'),
    607: c('Required Data', 'invalid'),
    608: c('Currency Not Match', 'invalid'),
    609: c('Bill Type Not Match', 'invalid'),
    610: c('Not Numeric', 'invalid'),
    611: c('Can Not Be Same', 'invalid'),
    612: c('Format Conflict', 'invalid'),
  },
  // F6 createExtension / updateExtension (001:L349-361, 407-419)
  extensionWrite: {
    200: c('OK', 'ok'),
    424: METHOD_FAILED,
    601: c('Data Not Found', 'not_found'),
    602: c('Authentication Failed', 'auth'),
    603: c('Can Not Be Empty', 'invalid'),
    604: c('Invalid Input', 'invalid'),
    605: c('Format Conflict', 'invalid'),
    606: c('Limit Reached', 'limit'),
    607: c('Not Numeric', 'invalid'),
    608: c('Already Exists', 'conflict'),
    609: c('Access Denied', 'denied'),
    610: c('Invalid User Type', 'user_type'),
    611: c('Tenant is Inactive OR deleted', 'inactive'),
  },
  // F7 /api/extension feature update (001:L462-481)
  extensionFeature: {
    200: c('OK', 'ok'),
    424: METHOD_FAILED,
    600: c('Authentication Failed', 'auth'),
    601: c('Feature Limit', 'invalid'),
    602: c('Feature Extension', 'invalid'),
    603: c('No Extension', 'not_found'),
    604: c('Inactive Tenant', 'inactive'),
    605: c('No Tenant', 'not_found'),
    606: c('No Request Data', 'invalid'),
    607: c('Can Not Be Empty', 'invalid'),
    608: c('Not Matched', 'auth'),
    609: c('Access Denied', 'denied'),
    610: c('Invalid Input', 'invalid'),
    611: c('Not Exists', 'invalid'),
    612: c('Not Numeric', 'invalid'),
    613: c('Can Not Be Same', 'invalid'),
    614: c('Not Allow', 'invalid'),
    615: c('Data Required', 'invalid'),
    616: c('No Data', 'invalid'),
    617: c('No Zero Allow', 'invalid'),
  },
  // F8 /api/speeddial (001:L523-534)
  speedDial: {
    200: c('OK', 'ok'),
    424: METHOD_FAILED,
    600: c('Authentication Failed', 'auth'),
    601: c('Not Active', 'inactive'),
    602: c('Not Found', 'not_found'),
    603: c('No Data Found', 'invalid'),
    604: c('Can Not Be Same', 'invalid'),
    605: c('Not Numeric', 'invalid'),
    606: c('Can Not Be Zero', 'invalid'),
    607: c('Not Valid', 'invalid'),
    608: c('Access Denied', 'denied'),
    609: c('Feature Limit', 'invalid'),
  },
  // F9 mapDid (001:L576-583)
  mapDid: {
    200: c('Ok', 'ok'),
    424: METHOD_FAILED,
    601: c('Data Not Found', 'not_found'),
    602: c('No Token', 'auth'),
    603: c('Authentication Failed', 'auth'),
    604: c('Invalid User Type', 'user_type'),
    605: c('Invalid DID', 'invalid'),
    606: c('DID Not Found', 'not_found'),
  },
  tenantLookup: TENANT_LOOKUP,
  tenantList: TENANT_LIST,
  // F15 getPayment (001:L1709-1717)
  payment: {
    ...TENANT_LIST,
    605: c('Invalid Start Date', 'invalid'),
    606: c('Invalid End Date', 'invalid'),
    608: c('No Tenant Found', 'not_found'),
  },
  // F16 getInvoice (001:L1784-1791)
  invoice: { ...TENANT_LIST, 605: c('Invalid Input', 'invalid'), 606: c('Invalid Due Date', 'invalid') },
};

/** Endpoint (last path segment) → code family. */
export const HODU_ENDPOINT_FAMILY: Readonly<Record<string, HoduFamily>> = {
  callLog: 'callLog',
  activeCalls: 'activeCalls',
  balance: 'balance',
  recordingPath: 'recordingPath',
  click2call: 'click2call',
  crmSubscribe: 'crm',
  crmUnSubscribe: 'crm',
  getCountry: 'adminLookup',
  getCurrency: 'adminLookup',
  getCodecs: 'adminLookup',
  getLanguage: 'adminLookup',
  getBillplan: 'adminLookup',
  getRateplan: 'adminLookup',
  getOGRule: 'adminLookup',
  getDID: 'adminLookup',
  assignDid: 'assignDid',
  createTenant: 'createTenant',
  createExtension: 'extensionWrite',
  updateExtension: 'extensionWrite',
  extension: 'extensionFeature',
  speeddial: 'speedDial',
  mapDid: 'mapDid',
  getPlan: 'tenantLookup',
  getGroup: 'tenantLookup',
  getShift: 'tenantLookup',
  getTimezone: 'tenantLookup',
  getBalancePlan: 'tenantLookup',
  getRuleGroup: 'tenantLookup',
  getTenantDetails: 'tenantLookup',
  getTenantInfo: 'tenantList',
  getExtension: 'tenantList',
  getIVR: 'tenantList',
  getQueue: 'tenantList',
  getRingGroup: 'tenantList',
  getVoicemailExt: 'tenantList',
  getPayment: 'payment',
  getInvoice: 'invoice',
};

/** The documented entry for a code on an endpoint family, or undefined if that family does not document it. */
export function lookupHoduCode(family: HoduFamily, code: number): HoduCode | undefined {
  return HODU_CODES[family][code];
}
