/**
 * Seeded state of the PortSIP emulator: three tenants, each reachable with its own Bearer token. Names, domains
 * and people are invented. The users behind each tenant exist only to drive the status counters (the seed
 * document exposes no user or extension endpoint, so they are never served under a vendor path).
 */
import { createRng } from '../kit';
import type { WireHoliday, WireOfficeHours, WireTenant } from './types';

/** PortSIP IDs are base64 of a decimal 64-bit snowflake ("NzAw…" = "700…"); never a JS number. */
export function snowflakeId(n: bigint): string {
  return Buffer.from(n.toString(10), 'utf8').toString('base64');
}

export interface EmulatorUser {
  extension: string;
  name: string;
  /** How likely the user's phone is registered during office hours, 0..1. */
  presence: number;
}

export interface TenantState {
  /** Short key used by the control plane and the demo launcher. */
  key: string;
  tokens: string[];
  tenant: WireTenant;
  /** Stored when POST /api/tenant sends `avatar_file_id`; GET shows the file trio instead. */
  avatarFileId: string;
  status: { version: string; licensed_users: number; current_queues: number; current_conference_rooms: number; current_ring_groups: number; current_ivrs: number; current_trunks: number };
  passwordPolicy: Record<string, number | boolean>;
  customHeaders: { add: { name: string; value: string; scope: string }[]; relay: { name: string; scope: string }[] };
  /** Write-only in the API (POST /api/voicemail); null until first set. */
  voicemail: { extension_number: string; retain_days: number; min_seconds: number } | null;
  holidays: WireHoliday[];
  /** Hidden balance in units of 1e-5 (the document's "precision is five digits"); readable only at /__emulator/state. */
  balanceMicros: bigint;
  users: EmulatorUser[];
}

/** The tokens the demo and the tests use. One PortSIP connection = one tenant token. */
export const PORTSIP_DEMO_CREDENTIALS = [
  { key: 'harbor', tenantName: 'Harbor Dental Group', token: 'pst_harbor_4f9c2a7e1b6d3085' },
  { key: 'nordlicht', tenantName: 'Nordlicht Logistik GmbH', token: 'pst_nordlicht_8a1e5c3f90d2b7' },
  { key: 'kestrel', tenantName: 'Kestrel Legal LLP', token: 'pst_kestrel_2d7b9e4a6c1f08' },
] as const;

const FIRST = ['Ava', 'Ben', 'Chloe', 'Dmitri', 'Elena', 'Farah', 'Gustav', 'Hana', 'Ivan', 'Jonas', 'Keiko', 'Liam', 'Maya', 'Noah', 'Olga', 'Pavel', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Umar', 'Vera', 'Wim', 'Yara', 'Zoe'];
const LAST = ['Abbott', 'Brandt', 'Castillo', 'Dunmore', 'Eckert', 'Fischer', 'Garland', 'Holm', 'Ito', 'Jansen', 'Kowalski', 'Lindqvist', 'Moreau', 'Novak', 'Okafor', 'Price', 'Reyes', 'Sato', 'Thorne', 'Vogel'];

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

function officeHours(weekday: { from: string; to: string }[], saturday: { from: string; to: string }[], sunday: { from: string; to: string }[] = []): WireOfficeHours {
  const out = {} as WireOfficeHours;
  for (const d of DAYS) {
    const ranges = d === 'saturday' ? saturday : d === 'sunday' ? sunday : weekday;
    out[d] = { enabled: ranges.length > 0, ranges: ranges.map((r) => ({ ...r })) };
  }
  return out;
}

interface TenantSeed {
  key: string;
  name: string;
  domain: string;
  website: string;
  timezone: string;
  currency: string;
  region: string;
  users: number;
  maxExtensions: number;
  maxCalls: number;
  hours: WireOfficeHours;
  holidays: Omit<WireHoliday, 'id'>[];
  trunkCallerId: string;
  balance: bigint;
}

const holiday = (name: string, region: string, m: number, d: number, opts: Partial<Omit<WireHoliday, 'id' | 'name' | 'region'>> = {}): Omit<WireHoliday, 'id'> => ({
  name,
  region,
  consecutive: false,
  every_year: true,
  year_start: 2026,
  year_end: 2026,
  month_start: m,
  month_end: m,
  day_start: d,
  day_end: d,
  hour_start: 0,
  hour_end: 23,
  minute_start: 0,
  minute_end: 59,
  ...opts,
});

const SEEDS: TenantSeed[] = [
  {
    key: 'harbor',
    name: 'Harbor Dental Group',
    domain: 'harbor-dental.pbx.example.net',
    website: 'https://harbor-dental.example.com',
    timezone: 'America/New_York',
    currency: 'USD',
    region: 'USA',
    users: 14,
    maxExtensions: 50,
    maxCalls: 10,
    hours: officeHours([{ from: '08:00', to: '12:00' }, { from: '13:00', to: '18:00' }], [{ from: '09:00', to: '13:00' }]),
    holidays: [
      holiday("New Year's Day", 'USA', 1, 1),
      holiday('Independence Day', 'USA', 7, 4),
      holiday('Thanksgiving break', 'USA', 11, 26, { consecutive: true, every_year: false, day_end: 27 }),
      holiday('Christmas', 'USA', 12, 24, { consecutive: true, day_end: 26 }),
    ],
    trunkCallerId: '+12125550140',
    balance: 12_500_000n,
  },
  {
    key: 'nordlicht',
    name: 'Nordlicht Logistik GmbH',
    domain: 'nordlicht.pbx.example.net',
    website: 'https://nordlicht-logistik.example.de',
    timezone: 'Europe/Berlin',
    currency: 'EUR',
    region: 'DEU',
    users: 22,
    maxExtensions: 100,
    maxCalls: 20,
    hours: officeHours([{ from: '07:30', to: '17:00' }], [], []),
    holidays: [
      holiday('Neujahr', 'DEU', 1, 1),
      holiday('Tag der Arbeit', 'DEU', 5, 1),
      holiday('Tag der Deutschen Einheit', 'DEU', 10, 3),
      holiday('Betriebsferien', 'DEU', 12, 24, { consecutive: true, month_end: 12, day_end: 31 }),
      holiday('Inventur (Nachmittag)', 'DEU', 6, 30, { every_year: false, hour_start: 12, minute_start: 30 }),
    ],
    trunkCallerId: '+4940555019',
    balance: 4_075_000n,
  },
  {
    key: 'kestrel',
    name: 'Kestrel Legal LLP',
    domain: 'kestrel-legal.pbx.example.net',
    website: 'https://kestrel-legal.example.co.uk',
    timezone: 'Europe/London',
    currency: 'GBP',
    region: 'GBR',
    users: 9,
    maxExtensions: 25,
    maxCalls: 8,
    hours: officeHours([{ from: '09:00', to: '17:30' }], []),
    holidays: [holiday('Boxing Day', 'GBR', 12, 26), holiday('Early May bank holiday', 'GBR', 5, 4, { every_year: false })],
    trunkCallerId: '+442079460321',
    balance: 0n,
  },
];

function tenantObject(s: TenantSeed, id: string, index: number): WireTenant {
  return {
    id,
    name: s.name,
    domain: s.domain,
    website: s.website,
    timezone: s.timezone,
    currency: s.currency,
    region: s.region,
    enable_video_recording: false,
    enable_audio_recording: index !== 2,
    enable_dual_track_recording: false,
    enable_billing: true,
    enable_feature_billing: true,
    enable_feature_call_statistics: true,
    enable_feature_contact_center: index === 1,
    enable_feature_message_channels: true,
    enable_feature_microsoft_teams: index === 2,
    enable_feature_trunks: true,
    enable_feature_whats_app: false,
    enable_night_mode: false,
    enable_two_factor_authentication: index === 2,
    custom_options: index === 1 ? '{"crm":"odoo","locale":"de-DE"}' : '',
    max_extensions: s.maxExtensions,
    max_concurrent_calls: s.maxCalls,
    max_ring_groups: 20,
    max_virtual_receptionists: 20,
    max_call_queues: 20,
    max_conference_rooms: 20,
    disk_quota: index === 1 ? '200GB' : '',
    used_disk_quota: ['3.2GB', '41.7GB', '812MB'][index] ?? '0MB',
    im_disk_quota: '',
    extension_im_disk_quota: '1GB',
    recording_retention: 180,
    call_report_retention: 30,
    log_retention: 180,
    temp_file_retention: 30,
    office_hours: s.hours,
    outbound_caller_ids: [{ provider_id: snowflakeId(700551909773148160n + BigInt(index) * 7919n), caller_id: s.trunkCallerId, description: 'Main trunk' }],
    e164: {
      enabled: index === 1,
      international_code: '00',
      country: ['United States(1)', 'Germany(49)', 'United Kingdom(44)'][index] ?? 'Angola(244)',
      area_code: ['212', '40', '20'][index] ?? '',
      national_code: index === 0 ? '1' : '0',
      prefix: '',
      remove_special_chars: true,
      remove_duplicate_countries: true,
      remove_duplicate_area_codes: true,
    },
    cdr_event: { enabled: index === 0, auth: index === 0 ? 'TOKEN' : 'DISABLE', username: '', password: '', token: index === 0 ? 'cdr-hook-5e1f7a' : '', url: index === 0 ? 'https://crm.harbor-dental.example.com/hooks/cdr' : '' },
    extension_event: { enabled: false, auth: 'DISABLE', username: '', password: '', token: '', url: '' },
    contact_match_type: 'MATCH_EXACTLY',
    contact_match_length: 1,
    contact_append_type: 'APPEND',
    contact_update_interval: 720,
    password_force_reset: index === 2,
    avatar_file_name: index === 0 ? 'harbor-logo.png' : '',
    avatar_file_size: index === 0 ? 18342 : 0,
    avatar_file_url: index === 0 ? '/api/blobs/WexWdABcd5D4PDgzTKV3gAAAEu00WcK' : '',
    stir_shaken_cert: '',
    stir_shaken_key: '',
  };
}

/** Builds fresh state; the same seed always gives the same tenants, users and holiday IDs. */
export function createFixtures(seed: number): { tenants: TenantState[]; nextSnowflake: () => string } {
  const rng = createRng(seed);
  // Snowflakes grow like real ones: a time-ish base plus a sequence.
  let flake = 700551909773148160n + BigInt(seed % 1000) * 1_000_000n;
  const nextSnowflake = () => snowflakeId((flake += 4096n + BigInt(rng.int(1, 4095))));

  const tenants = SEEDS.map((s, index): TenantState => {
    const id = nextSnowflake();
    const users: EmulatorUser[] = [];
    for (let i = 0; i < s.users; i++) {
      users.push({ extension: String(101 + i), name: `${rng.pick(FIRST)} ${rng.pick(LAST)}`, presence: 0.55 + rng.next() * 0.4 });
    }
    const cred = PORTSIP_DEMO_CREDENTIALS[index]!;
    return {
      key: s.key,
      tokens: [cred.token],
      tenant: tenantObject(s, id, index),
      avatarFileId: index === 0 ? nextSnowflake() : '',
      status: { version: '22.2.7.1861', licensed_users: s.maxExtensions, current_queues: 2 + index, current_conference_rooms: 1, current_ring_groups: 3 - index, current_ivrs: 1 + (index % 2), current_trunks: 1 + (index === 1 ? 1 : 0) },
      passwordPolicy: { min_length: index === 2 ? 10 : 8, max_length: 32, contains_letters: true, contains_numbers: true, contains_special_letters: index !== 0, disable_sequential_characters: true, disable_repeating_characters: index === 2, disable_account_information: true },
      customHeaders: index === 1 ? { add: [{ name: 'X-Nordlicht-Site', value: 'HAM', scope: 'TRUNK' }], relay: [{ name: 'X-Carrier-Ref', scope: 'TRUNK' }] } : { add: [], relay: [] },
      voicemail: index === 0 ? { extension_number: '999', retain_days: 30, min_seconds: 2 } : null,
      holidays: s.holidays.map((h) => ({ id: nextSnowflake(), ...h })),
      balanceMicros: s.balance,
      users,
    };
  });
  return { tenants, nextSnowflake };
}
