/**
 * Seeded state of the MiRTA-style emulator (seed document 003). Rows keep the vendor's column names and
 * string-typed values so routes can answer with them directly; fields the API never returns (tenant IDs on
 * child rows, SIP secrets, passwords) live on the same rows and are stripped by the routes.
 *
 * All names, numbers and addresses are invented: 555-01xx numbers and `.example` domains only.
 */
import { createRng } from '../kit';

export interface MirtaUser {
  us_id: string;
  us_username: string;
  password: string;
  email: string;
  /** Tenants listed by `/user/tenants` for this user's e-mail. */
  tenantIds: string[];
  /**
   * EMULATOR CONVENTION: the doc calls the Basic-auth user system-wide, so an administrator may read every
   * tenant; a non-admin login only sees its own tenants (others look like unknown IDs).
   */
  admin: boolean;
}

export interface MirtaTenant {
  te_id: string;
  te_name: string;
  /** The code `/cdr/getCallHistory` filters by and SIP peers are named after; no endpoint returns it. */
  te_code: string;
}

export interface MirtaDestination {
  de_id: string;
  de_te_id: string;
  de_type_src: string;
  de_type_dst: string;
  de_ord: string;
}

export interface MirtaExtension {
  ex_id: string;
  ex_te_id: string;
  ex_name: string;
  ex_number: string;
  ex_cidnum: string;
  ex_cidname: string;
  ex_callwaiting: string;
  /** Find-Me-Follow-Me caller ID (`GetFMFCallerId`). */
  ex_fmfm_cidnum: string;
  /** SIP peer secret (`/extension/user`, `/extension/usersecret`). */
  secret: string;
}

export interface MirtaDid {
  di_id: string;
  di_te_id: string;
  di_country: string;
  di_area: string;
  di_number: string;
  di_comment: string;
  di_recording: string;
  di_fax: string;
  di_didprefix: string;
  di_didnameprefix: string;
}

export interface MirtaHunt {
  hu_id: string;
  hu_te_id: string;
  hu_number: string;
  hu_name: string;
  hu_type: string;
  hu_ringtime: string;
  hu_checkinuse: string;
}

export interface MirtaPhone {
  ph_id: string;
  ph_name: string;
  ph_te_id: string;
  ph_pm_id: string;
  ph_mac: string;
  ph_filename: string;
  ph_http_user: string;
  ph_http_password: string;
}

export interface MirtaVoicemail {
  uniqueid: string;
  te_id: string;
  /** Asterisk voicemail context: the tenant code. */
  context: string;
  fullname: string;
  email: string;
}

export const CONDITION_PARAMS = ['co_param1', 'co_param2', 'co_param3', 'co_param4', 'co_param5', 'co_param6', 'co_param7', 'co_param8', 'co_param9', 'co_param10', 'co_param11', 'co_param12'] as const;
export type ConditionParam = (typeof CONDITION_PARAMS)[number];

export type MirtaCondition = {
  co_id: string;
  co_te_id: string;
  co_name: string;
  co_type: string;
  co_timezone: string;
} & Record<ConditionParam, string>;

export interface MirtaIvr {
  iv_id: string;
  iv_te_id: string;
  iv_name: string;
}

export interface MirtaCustomType {
  ct_id: string;
  ct_name: string;
  ct_description: string;
}

export interface MirtaCustom {
  cu_id: string;
  cu_te_id: string;
  cu_name: string;
  cu_ct_id: string;
}

export interface MirtaState {
  users: MirtaUser[];
  tenants: MirtaTenant[];
  destinations: MirtaDestination[];
  extensions: MirtaExtension[];
  dids: MirtaDid[];
  hunts: MirtaHunt[];
  phones: MirtaPhone[];
  voicemails: MirtaVoicemail[];
  conditions: MirtaCondition[];
  ivrs: MirtaIvr[];
  customTypes: MirtaCustomType[];
  customs: MirtaCustom[];
  /** Next auto-increment value for inserts (`/phone/AddNewPhone`). */
  nextPhoneId: number;
}

/** The Basic-auth API user the demo and tests connect with, and the e-mail whose tenants it lists. */
export const MIRTA_DEMO_CREDENTIALS = {
  username: 'switchboard',
  password: 'Mirta-Demo-2026',
  email: 'ops@switchboard.example',
} as const;

/** A non-admin login that only sees tenant 80 (tests of the emulator's per-user scope). */
export const MIRTA_TENANT_USER = {
  username: 'northwind',
  password: 'Northwind-2026',
  email: 'it@northwind-dental.example',
} as const;

/**
 * te_id → tenant_code of the fixture tenants. The adapter needs this map as configuration because no
 * documented endpoint returns tenant codes; the demo uses these values.
 */
export const MIRTA_DEMO_TENANT_CODES: Readonly<Record<string, string>> = {
  '80': 'NorthwindDental',
  '81': 'MapleLeafLogistics',
  '93': 'HarbourfrontRealty',
};

const TENANTS: MirtaTenant[] = [
  { te_id: '80', te_name: 'Northwind Dental Clinic', te_code: 'NorthwindDental' },
  { te_id: '81', te_name: 'Maple Leaf Logistics', te_code: 'MapleLeafLogistics' },
  { te_id: '93', te_name: 'Harbourfront Realty', te_code: 'HarbourfrontRealty' },
];

// [te_id, ex_id, name, number, cidnum, cidname, callwaiting, fmfm cid]
const EXTENSIONS: [string, string, string, string, string, string, string, string][] = [
  ['80', '11', 'Reception', '221', '15145550142', 'Northwind Dental', 'yes', '15145550142'],
  ['80', '12', 'Dr. Amelia Stone', '222', '15145550142', 'Northwind Dental', '', '15145550143'],
  ['80', '13', 'Dr. Rafael Ortiz', '223', '15145550142', 'Northwind Dental', '', ''],
  ['80', '14', 'Hygiene Room 1', '224', '15145550142', 'Northwind Dental', '', ''],
  ['80', '15', 'Billing Office', '225', '15145550144', 'Northwind Billing', 'yes', '15145550144'],
  ['80', '16', 'Lab', '226', '', 'Northwind Lab', '', ''],
  ['81', '40', 'Dispatch Desk', '301', '14165550170', 'Maple Leaf Logistics', 'yes', '14165550170'],
  ['81', '41', 'Priya Natarajan', '302', '14165550170', 'Maple Leaf Logistics', '', '14165550171'],
  ['81', '42', 'Owen MacLeod', '303', '14165550170', 'Maple Leaf Logistics', '', ''],
  ['81', '43', 'Warehouse Floor', '304', '14165550172', 'MLL Warehouse', '', ''],
  ['81', '44', 'Customer Care', '305', '14165550170', 'Maple Leaf Logistics', 'yes', '14165550170'],
  ['81', '45', 'Fleet Manager', '306', '14165550170', 'Maple Leaf Logistics', '', ''],
  ['81', '46', 'Accounts Payable', '307', '14165550173', 'MLL Accounts', '', ''],
  ['93', '240', 'Front Office', '251', '16045550190', 'Harbourfront Realty', '', ''],
  ['93', '241', 'Noah Lefebvre', '252', '16045550190', 'Harbourfront Realty', '', '16045550191'],
  ['93', '242', 'Leasing', '253', '16045550192', 'Harbourfront Leasing', '', ''],
];

function condition(co_id: string, co_te_id: string, co_name: string, co_type: string, co_timezone: string, params: string[]): MirtaCondition {
  const row = { co_id, co_te_id, co_name, co_type, co_timezone } as MirtaCondition;
  CONDITION_PARAMS.forEach((p, i) => (row[p] = params[i] ?? ''));
  return row;
}

/** A SIP secret in the shape of the doc's samples (`$50jLkuPLypGxqBmyftPV51AM91.`). */
function sipSecret(rng: ReturnType<typeof createRng>): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./';
  let s = '$';
  for (let i = 0; i < 27; i++) s += rng.pick([...alphabet]);
  return s;
}

export function createMirtaFixtures(seed: number): MirtaState {
  const rng = createRng(seed);
  const users: MirtaUser[] = [
    { us_id: '97', us_username: 'admin', password: 'Admin-Only-2026', email: 'admin@mirta-host.example', tenantIds: ['80', '81', '93'], admin: true },
    { us_id: '579', us_username: MIRTA_DEMO_CREDENTIALS.username, password: MIRTA_DEMO_CREDENTIALS.password, email: MIRTA_DEMO_CREDENTIALS.email, tenantIds: ['80', '81'], admin: true },
    { us_id: '134', us_username: MIRTA_TENANT_USER.username, password: MIRTA_TENANT_USER.password, email: MIRTA_TENANT_USER.email, tenantIds: ['80'], admin: false },
    { us_id: '124', us_username: 'harbourfront', password: 'Harbour-2026', email: 'admin@harbourfront-realty.example', tenantIds: ['93'], admin: false },
  ];
  const extensions: MirtaExtension[] = EXTENSIONS.map(([te, id, name, number, cidnum, cidname, cw, fmfm]) => ({
    ex_id: id,
    ex_te_id: te,
    ex_name: name,
    ex_number: number,
    ex_cidnum: cidnum,
    ex_cidname: cidname,
    ex_callwaiting: cw,
    ex_fmfm_cidnum: fmfm,
    secret: sipSecret(rng),
  }));
  const did = (di_id: string, di_te_id: string, di_number: string, di_comment: string, extra: Partial<MirtaDid> = {}): MirtaDid => ({
    di_id, di_te_id, di_country: '', di_area: '', di_number, di_comment, di_recording: 'no', di_fax: 'no', di_didprefix: '', di_didnameprefix: '', ...extra,
  });
  const hunt = (hu_id: string, hu_te_id: string, hu_number: string, hu_name: string, hu_type: string, hu_ringtime: string, hu_checkinuse = ''): MirtaHunt => ({
    hu_id, hu_te_id, hu_number, hu_name, hu_type, hu_ringtime, hu_checkinuse,
  });
  return {
    users,
    tenants: TENANTS.map((t) => ({ ...t })),
    // EMULATOR CONVENTION: the doc shows only CONDITION/NOTCONDITION → DISA/CONDITION rows; the other type
    // names (DID, IVR, VOICEMAIL, HUNTLIST, EXTENSION) follow the same upper-case style.
    destinations: [
      { de_id: '156', de_te_id: '80', de_type_src: 'CONDITION', de_type_dst: 'IVR', de_ord: '1' },
      { de_id: '157', de_te_id: '80', de_type_src: 'NOTCONDITION', de_type_dst: 'VOICEMAIL', de_ord: '1' },
      { de_id: '158', de_te_id: '80', de_type_src: 'DID', de_type_dst: 'CONDITION', de_ord: '1' },
      { de_id: '160', de_te_id: '81', de_type_src: 'DID', de_type_dst: 'CONDITION', de_ord: '1' },
      { de_id: '161', de_te_id: '81', de_type_src: 'CONDITION', de_type_dst: 'HUNTLIST', de_ord: '1' },
      { de_id: '162', de_te_id: '81', de_type_src: 'NOTCONDITION', de_type_dst: 'CONDITION', de_ord: '1' },
      { de_id: '163', de_te_id: '81', de_type_src: 'CONDITION', de_type_dst: 'DISA', de_ord: '2' },
      { de_id: '170', de_te_id: '93', de_type_src: 'DID', de_type_dst: 'EXTENSION', de_ord: '1' },
    ],
    extensions,
    dids: [
      did('2', '80', '15145550142', 'Northwind Dental - Main', { di_recording: 'yes' }),
      did('3', '80', '15145550144', 'Billing line'),
      did('4', '80', '15145550145', 'Fax', { di_fax: 'yes' }),
      did('30', '81', '14165550170', 'Maple Leaf Logistics - Main', { di_country: 'Canada', di_area: 'Ontario - Toronto', di_recording: 'yes' }),
      did('31', '81', '14165550172', 'Warehouse', { di_country: 'Canada', di_area: 'Ontario - Toronto' }),
      did('32', '81', '18885550174', 'Toll free', { di_didprefix: '9', di_didnameprefix: 'TF:' }),
      did('50', '93', '16045550190', 'Harbourfront Realty - Main', { di_country: 'Canada', di_area: 'British Columbia - Vancouver' }),
    ],
    hunts: [
      hunt('3', '80', '501', 'Front Desk', 'RINGALL', '30'),
      hunt('4', '80', '502', 'Clinicians', 'RINGALL', '45', 'yes'),
      hunt('7', '81', '601', 'Dispatch', 'RINGALL', '60'),
      hunt('8', '81', '602', 'Customer Care', 'HUNT', '20', 'yes'),
      hunt('12', '93', '701', 'Agents', 'RINGALL', '40'),
    ],
    phones: [
      { ph_id: '1', ph_name: 'Reception desk phone', ph_te_id: '80', ph_pm_id: '1', ph_mac: '00:15:65:a1:b2:01', ph_filename: '001565a1b201.cfg', ph_http_user: 'prov80', ph_http_password: 'Prov-80-x9' },
      { ph_id: '2', ph_name: 'Billing office phone', ph_te_id: '80', ph_pm_id: '2', ph_mac: '00:15:65:a1:b2:02', ph_filename: '001565a1b202.cfg', ph_http_user: 'prov80', ph_http_password: 'Prov-80-x9' },
      { ph_id: '3', ph_name: 'Dispatch desk phone', ph_te_id: '81', ph_pm_id: '1', ph_mac: '80:5e:c0:11:22:33', ph_filename: '805ec0112233.cfg', ph_http_user: 'prov81', ph_http_password: 'Prov-81-k2' },
    ],
    voicemails: [
      { uniqueid: '55', te_id: '80', context: 'NorthwindDental', fullname: 'General Delivery Voicemail', email: 'frontdesk@northwind-dental.example' },
      { uniqueid: '56', te_id: '80', context: 'NorthwindDental', fullname: 'Dr. Amelia Stone', email: 'a.stone@northwind-dental.example' },
      { uniqueid: '60', te_id: '81', context: 'MapleLeafLogistics', fullname: 'After Hours Dispatch', email: 'dispatch@mapleleaf-logistics.example' },
      { uniqueid: '61', te_id: '81', context: 'MapleLeafLogistics', fullname: 'Customer Care', email: 'care@mapleleaf-logistics.example' },
      { uniqueid: '70', te_id: '93', context: 'HarbourfrontRealty', fullname: 'Leasing Voicemail', email: 'leasing@harbourfront-realty.example' },
    ],
    conditions: [
      condition('2', '80', 'Dr. Stone DISA (END OF CHAIN)', 'CALLERID', '', ['5145550150', '5145550151']),
      condition('3', '80', 'Billing callers', 'CALLERID', '', ['5145550152']),
      // EMULATOR CONVENTION: co_type "TIME". The doc samples only CALLERID conditions; we read the twelve
      // params as three Asterisk GotoIfTime rules of four fields each — times, weekdays, days of month,
      // months ("08:00-17:30", "mon-fri", "*", "*") — in the zone `co_timezone`.
      condition('5', '80', 'Office hours', 'TIME', 'America/Toronto', ['08:00-17:30', 'mon-fri', '*', '*', '09:00-13:00', 'sat', '*', '*']),
      condition('9', '81', 'Dispatch hours', 'TIME', 'America/Toronto', ['06:00-20:00', 'mon-fri', '*', '*', '08:00-16:00', 'sat-sun', '*', '*']),
      condition('10', '81', 'Christmas closure', 'TIME', 'America/Toronto', ['*', '*', '24-26', 'dec']),
      condition('11', '81', 'VIP shippers', 'CALLERID', '', ['4165550180', '4165550181', '4165550182']),
      condition('20', '93', 'Open house hours', 'TIME', 'America/Vancouver', ['10:00-18:00', 'tue-sat', '*', '*']),
    ],
    ivrs: [
      { iv_id: '1', iv_te_id: '80', iv_name: 'Main Menu - FR' },
      { iv_id: '4', iv_te_id: '80', iv_name: 'Main Menu - EN' },
      { iv_id: '6', iv_te_id: '81', iv_name: 'Dispatch Menu' },
      { iv_id: '9', iv_te_id: '93', iv_name: 'Listings Menu' },
    ],
    customTypes: [
      { ct_id: '1', ct_name: 'FORWARD', ct_description: '<t>Forward call to</t>' },
      { ct_id: '2', ct_name: 'CONTEXT', ct_description: '<t>Jump to dialplan context</t>' },
    ],
    customs: [
      { cu_id: '2', cu_te_id: '80', cu_name: 'Dr. Stone Mobile', cu_ct_id: '1' },
      { cu_id: '5', cu_te_id: '81', cu_name: 'On-call Driver Mobile', cu_ct_id: '1' },
      { cu_id: '6', cu_te_id: '81', cu_name: 'Legacy Dialplan', cu_ct_id: '2' },
    ],
    nextPhoneId: 4,
  };
}
