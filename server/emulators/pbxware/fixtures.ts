/**
 * Seeded PBXware state: the master tenant (ID 1) and three customer tenants with extensions, devices, billing,
 * DIDs, IVRs with keymaps, ring groups, ERGs, queues and operation times. Fake PII only (`.example` domains,
 * 555-01xx numbers). The same seed always gives the same state.
 */
import { createRng, type Rng } from '../kit';
import type { KeymapEntry } from '@/server/adapters/pbxware/keymap';

export interface PwTenant {
  id: string;
  name: string;
  tenantcode: string;
  packageId: string;
  packageName: string;
  extLength: number;
  countryId: string;
  countryCode: string;
  /** tenant.configuration `currency` (ISO code). */
  currency: string;
  areaCode: string;
}

export interface PwExtension {
  id: string;
  server: string;
  name: string;
  email: string;
  protocol: 'sip' | 'iax';
  ext: string;
  location: 'local' | 'remote';
  uaId: string;
  status: 'enabled' | 'disabled';
  macaddress: string;
  sn: string;
  linenum: string;
  userLocation: string;
  department?: string;
  pin: string;
  secret: string;
  incominglimit: string;
  outgoinglimit: string;
  voicemail: string;
  userLanguage: string;
  /** Other `ext.add`/`ext.edit` arguments, kept verbatim so a later configuration read returns them. */
  extra: Record<string, string>;
  device: { online: boolean; ip: string; ua: string; dnd: boolean; lagged: boolean };
  billing: { accountBalance: string; availableFunds: string; inclusiveMinutes: string };
}

export interface PwDid {
  id: string;
  server: string;
  trunk: string;
  number: string;
  number2: string;
  destType: number;
  destination: string;
  name: string;
  e164: string;
  e164_2: string;
  disabled: boolean;
  smsEnabled: string;
  prioritizeClirouting: string;
  extra: Record<string, string>;
}

export interface PwIvr {
  id: string;
  server: string;
  name: string;
  type: '0' | '1' | '2';
  ext: string;
  greeting: string;
  keymap: KeymapEntry[];
  status: 'enabled' | 'disabled';
  operator: string;
  extra: Record<string, string>;
}

export interface PwRingGroup {
  id: string;
  server: string;
  name: string;
  ext: string;
  destinations: string;
  lastDest: string;
  lastDestVm: 'yes' | 'no';
}

export interface PwErg {
  id: string;
  server: string;
  name: string;
  number: string;
  strategy: string;
  members: Array<{ ext: string; penalty: string }>;
}

export interface PwQueue {
  server: string;
  number: string;
  name: string;
}

export interface PwTrunk {
  id: string;
  name: string;
  protocol: string;
  provider_id: string;
  provider_name: string;
  status: 'enabled' | 'disabled';
}

export interface OtClosedDate {
  description: string;
  destination: string;
  date_from: string;
  date_to: string;
  time_from: string;
  time_to: string;
}
export interface OtCustomDestination {
  destination: string;
  is_open_range: string;
  days: string;
  time_from: string;
  time_to: string;
}
export interface OtOpenDay {
  description: string;
  days: string;
  time_from: string;
  time_to: string;
}
export interface OtState {
  status: string;
  greeting: string;
  default_dest_ext: string;
  default_dest_is_vm: string;
  /** Routes only. */
  pin?: string;
  closed_dates: OtClosedDate[];
  custom_destinations: OtCustomDestination[];
  open_days: OtOpenDay[];
}

export const OT_KINDS = ['did', 'ivr', 'dial_group', 'servers', 'routes', 'queues', 'erg'] as const;
export type OtKind = (typeof OT_KINDS)[number];

export interface PwUad {
  id: string;
  name: string;
  fullname: string;
  protocol: 'sip' | 'iax';
}

export interface PwState {
  tenants: Map<string, PwTenant>;
  extensions: Map<string, PwExtension>;
  dids: Map<string, PwDid>;
  ivrs: Map<string, PwIvr>;
  ringGroups: Map<string, PwRingGroup>;
  ergs: Map<string, PwErg>;
  queues: PwQueue[];
  trunks: Map<string, PwTrunk>;
  uads: Map<string, PwUad>;
  /** route.list: id → [country code, country name]. */
  routes: Map<string, [string, string]>;
  /** Keyed `<server>/<destination id or number>`. */
  otimes: Record<OtKind, Map<string, OtState>>;
  nextId: number;
  /** CDR billing columns ("Rating Duration", "Rating Cost") exist only in billing mode. */
  billingMode: boolean;
}

export const MASTER_TENANT_ID = '1';

/** DID `dest_type` codes 0–17 and their names as did.list `type` shows them. */
export const DID_DEST_TYPES = [
  'Extension', 'Forward DID to Extension (Multi User)', 'Ring Group', 'IVR', 'Queues', 'External Number', 'IVR tree',
  'Voicemail', 'Remote Access', 'Conferences', 'Trunk', 'Fax to E-mail', 'Phone Callback', 'Deny Access',
  'CRM Routing', 'Agents', 'ARI Application', 'Parking Lot',
] as const;

const UADS: PwUad[] = [
  { id: '50', name: 'generic_sip', fullname: 'Generic SIP', protocol: 'sip' },
  { id: '52', name: 'custom_generic_iax', fullname: 'Generic IAX', protocol: 'iax' },
  { id: '61', name: 'yealink_t46u', fullname: 'Yealink T46U', protocol: 'sip' },
  { id: '64', name: 'poly_vvx450', fullname: 'Poly VVX 450', protocol: 'sip' },
  { id: '70', name: 'grandstream_grp2614', fullname: 'Grandstream GRP2614', protocol: 'sip' },
  { id: '80', name: 'glocom_desktop', fullname: 'gloCOM Desktop', protocol: 'sip' },
];
const USER_AGENTS: Record<string, string> = {
  '50': 'Linphone/5.2.5 (belle-sip/5.2.94)',
  '52': 'Zoiper rv2.10.20.3',
  '61': 'Yealink SIP-T46U 108.86.0.45',
  '64': 'PolycomVVX-VVX_450-UA/6.4.6.2415',
  '70': 'Grandstream GRP2614 1.0.9.121',
  '80': 'gloCOM 7.4.2 (Windows)',
};

const FIRST = ['Ava', 'Liam', 'Maya', 'Noah', 'Zoe', 'Ethan', 'Leah', 'Omar', 'Iris', 'Lucas', 'Nina', 'Felix', 'Ruth', 'Hugo', 'Clara', 'Ivan', 'Sana', 'Theo'];
const LAST = ['Thompson', 'Okafor', 'Lindqvist', 'Moreau', 'Haddad', 'Kowalski', 'Brennan', 'Tanaka', 'Alvarez', 'Novak', 'Fischer', 'Quinn'];

interface TenantSeed extends PwTenant {
  domain: string;
  extensions: number;
  firstExt: number;
}

const TENANTS: TenantSeed[] = [
  { id: '1', name: 'pbx.sb-demo.example', tenantcode: '100', packageId: '0', packageName: 'Master', extLength: 3, countryId: '869', countryCode: '1', currency: 'USD', areaCode: '212', domain: 'sb-demo.example', extensions: 0, firstExt: 100 },
  { id: '2', name: 'northwind.sb-demo.example', tenantcode: '344', packageId: '1', packageName: 'Business 25', extLength: 3, countryId: '869', countryCode: '1', currency: 'USD', areaCode: '212', domain: 'northwind.example', extensions: 10, firstExt: 100 },
  { id: '7', name: 'contoso-dental.sb-demo.example', tenantcode: '454', packageId: '2', packageName: 'Starter 10', extLength: 3, countryId: '83', countryCode: '49', currency: 'EUR', areaCode: '30', domain: 'contoso-dental.example', extensions: 6, firstExt: 200 },
  { id: '9', name: 'harbor-logistics.sb-demo.example', tenantcode: '512', packageId: '3', packageName: 'Enterprise 100', extLength: 4, countryId: '826', countryCode: '44', currency: 'GBP', areaCode: '20', domain: 'harbor-logistics.example', extensions: 12, firstExt: 2001 },
];

/** Package limits, for dashboard.licensing. */
export const PACKAGE_LIMITS: Record<string, { ext: number; ivr: number; queue: number; conference: number }> = {
  '0': { ext: 1000, ivr: 200, queue: 200, conference: 200 },
  '1': { ext: 25, ivr: 5, queue: 5, conference: 5 },
  '2': { ext: 10, ivr: 2, queue: 2, conference: 2 },
  '3': { ext: 100, ivr: 20, queue: 20, conference: 20 },
};

const money = (rng: Rng, min: number, max: number) => (rng.int(min * 100, max * 100) / 100).toFixed(5);

function emptyOt(status = 'inherit'): OtState {
  return { status, greeting: '', default_dest_ext: '', default_dest_is_vm: 'no', closed_dates: [], custom_destinations: [], open_days: [] };
}

/** Mon–Fri office hours with a lunch-time custom destination and a closed date; days 1 = Monday (ASSUMPTION, quirk 90). */
function officeHours(rng: Rng, fallback: string, year: number): OtState {
  const open = rng.pick(['08:00', '08:30', '09:00']);
  const close = rng.pick(['17:00', '17:30', '18:00']);
  return {
    status: 'on',
    greeting: 'greeting-Mar-27-2013-15-15-44',
    default_dest_ext: fallback,
    default_dest_is_vm: rng.chance(0.5) ? 'yes' : 'no',
    closed_dates: [{ description: 'New Year', destination: fallback, date_from: `${year}-12-31`, date_to: `${year + 1}-01-01`, time_from: '00:00', time_to: '23:59' }],
    custom_destinations: [{ destination: fallback, is_open_range: 'no', days: '1,2,3,4,5', time_from: '12:00', time_to: '13:00' }],
    open_days: [
      { description: 'Weekdays', days: '1,2,3,4,5', time_from: open, time_to: close },
      ...(rng.chance(0.4) ? [{ description: 'Saturday', days: '6', time_from: '09:00', time_to: '13:00' }] : []),
    ],
  };
}

export function buildPbxwareState(seed: number, now: number): PwState {
  const rng = createRng(seed);
  const year = new Date(now).getUTCFullYear();
  const state: PwState = {
    tenants: new Map(),
    extensions: new Map(),
    dids: new Map(),
    ivrs: new Map(),
    ringGroups: new Map(),
    ergs: new Map(),
    queues: [],
    trunks: new Map([
      ['6099', { id: '6099', name: 'sip-carrier-primary', protocol: 'sip', provider_id: '12', provider_name: 'Generic SIP', status: 'enabled' }],
      ['6100', { id: '6100', name: 'sip-carrier-backup', protocol: 'sip', provider_id: '12', provider_name: 'Generic SIP', status: 'enabled' }],
      ['6101', { id: '6101', name: 'analog-fallback', protocol: 'zaptel', provider_id: '3', provider_name: 'Generic Analog', status: 'disabled' }],
    ]),
    uads: new Map(UADS.map((u) => [u.id, u])),
    routes: new Map([
      ['1', ['93', 'Afghanistan']],
      ['13', ['376', 'Andorra (Principality of)']],
      ['83', ['49', 'Germany (Federal Republic of)']],
      ['826', ['44', 'United Kingdom of Great Britain and Northern Ireland']],
      ['869', ['1', 'United States of America']],
    ]),
    otimes: { did: new Map(), ivr: new Map(), dial_group: new Map(), servers: new Map(), routes: new Map(), queues: new Map(), erg: new Map() },
    nextId: 53,
    billingMode: true,
  };
  const id = () => String(state.nextId++);

  for (const t of TENANTS) {
    const { domain: _d, extensions: count, firstExt, ...tenant } = t;
    state.tenants.set(t.id, tenant);
    state.otimes.servers.set(`${t.id}/${t.id}`, t.id === MASTER_TENANT_ID ? emptyOt('off') : officeHours(rng, String(firstExt), year));
    if (count === 0) continue;

    const exts: PwExtension[] = [];
    for (let i = 0; i < count; i++) {
      const first = FIRST[(i * 7 + Number(t.id)) % FIRST.length]!;
      const last = LAST[(i * 5 + Number(t.id) * 3) % LAST.length]!;
      const uad = rng.pick(UADS);
      const online = rng.chance(0.8);
      const remote = rng.chance(0.25);
      const ext: PwExtension = {
        id: id(),
        server: t.id,
        name: `${first} ${last}`,
        email: `${first}.${last}@${t.domain}`.toLowerCase(),
        protocol: uad.protocol,
        ext: String(firstExt + i),
        location: remote ? 'remote' : 'local',
        uaId: uad.id,
        status: rng.chance(0.92) ? 'enabled' : 'disabled',
        macaddress: uad.id === '50' || uad.id === '80' ? '' : Array.from({ length: 6 }, () => rng.int(0, 255).toString(16).padStart(2, '0')).join(''),
        sn: '',
        linenum: String(rng.int(1, 16)),
        userLocation: remote ? 'Home office' : 'HQ',
        pin: String(rng.int(1000, 9999)),
        secret: `S${rng.int(100000, 999999)}x${rng.int(10, 99)}`,
        incominglimit: '2',
        outgoinglimit: '2',
        voicemail: '1',
        userLanguage: t.countryCode === '49' ? 'de' : 'en',
        extra: {},
        device: {
          online,
          ip: online ? (remote ? `198.51.100.${rng.int(2, 250)}` : `10.${t.id}.0.${rng.int(10, 250)}`) : '',
          ua: online ? USER_AGENTS[uad.id]! : '',
          dnd: rng.chance(0.1),
          lagged: online && rng.chance(0.08),
        },
        billing: { accountBalance: money(rng, 5, 250), availableFunds: money(rng, 0, 60), inclusiveMinutes: rng.chance(0.5) ? 'No Inclusives spent.' : String(rng.int(10, 500)) },
      };
      if (i % 3 !== 0) ext.department = rng.pick(['4', '6', '4,6', '1']);
      exts.push(ext);
      state.extensions.set(ext.id, ext);
    }
    const extNo = (i: number) => exts[i % exts.length]!.ext;
    const num = (n: number) => `${t.countryCode}${t.areaCode}55501${String(n).padStart(2, '0')}`;

    const rgExt = String(firstExt + 80);
    const rg: PwRingGroup = { id: id(), server: t.id, name: 'Sales', ext: rgExt, destinations: `${extNo(0)},${extNo(1)},${extNo(2)}`, lastDest: extNo(0), lastDestVm: 'yes' };
    state.ringGroups.set(rg.id, rg);
    state.otimes.dial_group.set(`${t.id}/${rg.id}`, emptyOt());

    const erg: PwErg = { id: id(), server: t.id, name: `erg${firstExt + 85}`, number: String(firstExt + 85), strategy: 'ringall', members: [{ ext: extNo(3), penalty: '5' }, { ext: extNo(4), penalty: '10' }] };
    state.ergs.set(erg.id, erg);
    state.otimes.erg.set(`${t.id}/${erg.id}`, officeHours(rng, extNo(3), year));

    const queue: PwQueue = { server: t.id, number: String(firstExt + 90), name: 'Support' };
    state.queues.push(queue);
    state.otimes.queues.set(`${t.id}/${queue.number}`, emptyOt());

    state.otimes.routes.set(`${t.id}/${t.countryId}`, { ...emptyOt('off'), pin: '' });

    const ivrMain: PwIvr = {
      id: id(), server: t.id, name: 'MainMenu', type: '0', ext: String(firstExt + 70), greeting: 'greeting-main-menu', status: 'enabled', operator: extNo(0), extra: {},
      keymap: [
        { key: '1', type: 'rg', destination: rgExt },
        { key: '2', type: 'qu', destination: queue.number },
        { key: '3', type: 'ex', destination: extNo(1) },
        { key: '9', type: 'dy' },
        { key: '*', type: 'vm', destination: extNo(0) },
      ],
    };
    const ivrAfter: PwIvr = {
      id: id(), server: t.id, name: 'AfterHours', type: '0', ext: String(firstExt + 71), greeting: 'greeting-after-hours', status: 'enabled', operator: '', extra: {},
      keymap: [{ key: '0', type: 'ex', destination: extNo(0) }],
    };
    for (const ivr of [ivrMain, ivrAfter]) {
      state.ivrs.set(ivr.id, ivr);
      state.otimes.ivr.set(`${t.id}/${ivr.id}`, ivr === ivrMain ? officeHours(rng, ivrAfter.ext, year) : emptyOt());
    }

    const dids: PwDid[] = [
      { id: id(), server: t.id, trunk: '6099', number: num(0), number2: '', destType: 3, destination: ivrMain.ext, name: 'Main line', e164: `+${num(0)}`, e164_2: '', disabled: false, smsEnabled: '1', prioritizeClirouting: '0', extra: {} },
      { id: id(), server: t.id, trunk: '6099', number: num(1), number2: '', destType: 0, destination: extNo(0), name: 'Direct line', e164: '', e164_2: '', disabled: false, smsEnabled: '0', prioritizeClirouting: '0', extra: {} },
      { id: id(), server: t.id, trunk: '6100', number: num(2), number2: '', destType: 2, destination: rgExt, name: 'Sales line', e164: '', e164_2: '', disabled: rng.chance(0.3), smsEnabled: '0', prioritizeClirouting: '0', extra: {} },
    ];
    for (const d of dids) {
      state.dids.set(d.id, d);
      state.otimes.did.set(`${t.id}/${d.id}`, d.destType === 3 ? officeHours(rng, extNo(0), year) : emptyOt());
    }
  }
  return state;
}
