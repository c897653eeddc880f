/**
 * Seeded HoduPBX state: one platform (ADMIN) token, three tenants each with its own TENANT token, extensions,
 * DIDs (assigned and in the unassigned pool), IVRs, queues, ring groups, plans, shifts, groups, invoices and
 * payments. Names, numbers and e-mail addresses are invented.
 */
import { createHash } from 'node:crypto';

export const md5 = (s: string) => createHash('md5').update(s).digest('hex');

/** Demo credentials: tokens have the documented 16-character shape (`aBcD21RfdoNklssp`). */
export const HODUPBX_DEMO_CREDENTIALS = {
  adminToken: 'hA9xQ2mLr7TkWz4P',
  tenantTokens: { '1000': 'nW3dLk8QpZr5Tx1a', '1001': 'bF6yHs2MvC9jKe4u', '1002': 'qR7tGm1XwN5cPz8d' } as Record<string, string>,
  /** Every fixture extension's web password is `web<number>` (e.g. `web101`); the API wants its MD5. */
  webPasswordFor: (extNumber: string) => `web${extNumber}`,
} as const;

export interface HoduExtension {
  extId: string;
  tenantId: string;
  number: string;
  name: string;
  webPasswordMd5: string;
  sipPassword: string;
  email: string;
  planId: string;
  shiftId: string;
  callGroups: string[];
  language: string;
  maxCalls: string;
  ringTimeout: string;
  dialTimeout: string;
  featurePin: string;
  codec: string;
  timezoneId: string;
  active: boolean;
  /** Not registered: click2call answers 500 "Failed to Dial". */
  offline: boolean;
  features: Record<string, string>;
  speedDial: Record<string, string>;
}

export interface HoduDid {
  didId: string;
  number: string;
  tenantId: string | null;
  destination?: { type: 'EXTENSION' | 'IVR'; id: string };
}

export interface HoduInvoice {
  id: string;
  date: string;
  dueDate: string;
  status: 'PAID' | 'UNPAID' | 'PARTIAL';
  billAmount: string;
  callAmount: string;
  serviceAmount: string;
  amount: string;
  paidAmount: string;
}

export interface HoduPayment {
  entity: 'BALANCE' | 'SERVICE_PAYMENT';
  id: string;
  amount: string;
  date: string;
  remark: string;
  status: 'success' | 'failed';
}

export interface HoduTenant {
  tenantId: string;
  name: string;
  username: string;
  currency: string;
  /** Decimal string, 5 places. */
  balance: string;
  /** getTenantInfo "Credit Balance". */
  creditBalance: string;
  active: boolean;
  apiAccess: boolean;
  extLimit: number;
  didLimit: number;
  didService: boolean;
  voicemailService: boolean;
  outbound: boolean;
  plans: { id: string; name: string }[];
  shifts: { id: string; name: string }[];
  groups: { id: string; name: string }[];
  ivrs: { id: string; name: string; ext: string }[];
  queues: { id: string; name: string; ext: string }[];
  ringGroups: { id: string; name: string; ext: string }[];
  invoices: HoduInvoice[];
  payments: HoduPayment[];
}

export interface HoduState {
  adminToken: string;
  /** token → tenant ID */
  tenantTokens: Map<string, string>;
  tenants: HoduTenant[];
  extensions: HoduExtension[];
  dids: HoduDid[];
  rateplans: { id: string; name: string; currency: string }[];
  /** Admin lookups used by createTenant (ids as in the guide's sample: currency 64, country 99, billplan 2). */
  currencies: { id: string; code: string }[];
  countries: { id: string; name: string }[];
  billplans: { id: string; name: string; currency: string; billType: 'PREPAID' | 'POSTPAID' }[];
  timezones: { id: string; name: string }[];
  /** `${tenantId}:${extNumber}` of CRM-subscribed extensions. */
  crmSubscriptions: Set<string>;
  nextExtId: number;
}

const day = (now: number, offsetDays: number) => new Date(now + offsetDays * 86_400_000).toISOString().slice(0, 10);

function ext(extId: number, tenantId: string, number: string, name: string, extra: Partial<HoduExtension> = {}): HoduExtension {
  return {
    extId: String(extId),
    tenantId,
    number,
    name,
    webPasswordMd5: md5(HODUPBX_DEMO_CREDENTIALS.webPasswordFor(number)),
    sipPassword: `Sip!${number}x`,
    email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.test`,
    planId: '1',
    shiftId: '1',
    callGroups: ['1'],
    language: 'en',
    maxCalls: '2',
    ringTimeout: '30',
    dialTimeout: '60',
    featurePin: '4321',
    codec: 'PCMA,PCMU',
    timezoneId: '1',
    active: true,
    offline: false,
    features: {},
    speedDial: {},
    ...extra,
  };
}

export function createFixtures(now: number): HoduState {
  const creds = HODUPBX_DEMO_CREDENTIALS;
  const commonShifts = [
    { id: '1', name: 'Default' },
    { id: '140', name: 'A shift' },
  ];
  const tenants: HoduTenant[] = [
    {
      tenantId: '1000',
      name: 'Northwind Dental',
      username: 'northwind',
      currency: 'USD',
      balance: '244.45999',
      creditBalance: '1000.00000',
      active: true,
      apiAccess: true,
      extLimit: 10,
      didLimit: 6,
      didService: true,
      voicemailService: true,
      outbound: true,
      plans: [
        { id: '1', name: 'Standard' },
        { id: '6', name: 'Front office' },
      ],
      shifts: commonShifts,
      groups: [
        { id: '1', name: 'Default' },
        { id: '14', name: 'Reception' },
        { id: '177', name: 'Clinicians' },
      ],
      ivrs: [
        { id: '1', name: 'Main_Menu', ext: '3000' },
        { id: '4', name: 'After_Hours', ext: '3001' },
      ],
      queues: [{ id: '1', name: 'Appointments', ext: '2000' }],
      ringGroups: [{ id: '1', name: 'Front_Desk', ext: '5000' }],
      invoices: [
        { id: '11', date: day(now, -62), dueDate: day(now, -48), status: 'PAID', billAmount: '39.50000', callAmount: '4.50000', serviceAmount: '35.00000', amount: '41.47500', paidAmount: '41.47500' },
        { id: '17', date: day(now, -31), dueDate: day(now, -17), status: 'PARTIAL', billAmount: '42.00000', callAmount: '7.00000', serviceAmount: '35.00000', amount: '44.10000', paidAmount: '20.00000' },
        { id: '23', date: day(now, -1), dueDate: day(now, 13), status: 'UNPAID', billAmount: '39.10000', callAmount: '4.10000', serviceAmount: '35.00000', amount: '41.06000', paidAmount: ' - ' },
      ],
      payments: [
        { entity: 'BALANCE', id: '0', amount: '100.00000', date: day(now, -40), remark: 'Top-up', status: 'success' },
        { entity: 'SERVICE_PAYMENT', id: '11', amount: '41.47500', date: day(now, -47), remark: 'Invoice 11', status: 'success' },
        { entity: 'SERVICE_PAYMENT', id: '17', amount: '24.10000', date: day(now, -16), remark: 'Card declined', status: 'failed' },
        { entity: 'SERVICE_PAYMENT', id: '17', amount: '20.00000', date: day(now, -15), remark: 'Invoice 17 part', status: 'success' },
      ],
    },
    {
      tenantId: '1001',
      name: 'Bluefin Logistics',
      username: 'bluefin',
      currency: 'EUR',
      balance: '1032.50000',
      creditBalance: '500.00000',
      active: true,
      apiAccess: true,
      extLimit: 6,
      didLimit: 3,
      didService: true,
      // No voicemail service: the feature update answers 609 "Access Denied".
      voicemailService: false,
      outbound: true,
      plans: [{ id: '2', name: 'Logistics' }],
      shifts: [{ id: '1', name: 'Default' }, { id: '150', name: 'Night' }],
      groups: [{ id: '1', name: 'Default' }, { id: '20', name: 'Dispatch' }],
      ivrs: [{ id: '21', name: 'Reception', ext: '3000' }],
      queues: [{ id: '3', name: 'Dispatch', ext: '2000' }, { id: '4', name: 'Claims', ext: '2001' }],
      ringGroups: [{ id: '2', name: 'Warehouse', ext: '5000' }],
      invoices: [{ id: '19', date: day(now, -30), dueDate: day(now, -16), status: 'PAID', billAmount: '80.00000', callAmount: '20.00000', serviceAmount: '60.00000', amount: '96.80000', paidAmount: '96.80000' }],
      payments: [{ entity: 'SERVICE_PAYMENT', id: '19', amount: '96.80000', date: day(now, -20), remark: 'Invoice 19', status: 'success' }],
    },
    {
      tenantId: '1002',
      name: 'Cedar & Pine Legal',
      username: 'cedarpine',
      currency: 'GBP',
      balance: '-12.40000',
      creditBalance: '250.00000',
      active: true,
      apiAccess: true,
      extLimit: 4,
      didLimit: 2,
      // No DID service: assignDid answers 610 "Access Denied".
      didService: false,
      voicemailService: true,
      // No outbound: a speed dial to an external number answers 608 "Access Denied".
      outbound: false,
      plans: [{ id: '3', name: 'Chambers' }],
      shifts: [{ id: '1', name: 'Default' }],
      groups: [{ id: '1', name: 'Default' }],
      ivrs: [],
      queues: [],
      ringGroups: [],
      invoices: [],
      payments: [],
    },
  ];

  let id = 640;
  const extensions: HoduExtension[] = [
    ext(id++, '1000', '101', 'Front_Desk', { callGroups: ['1', '14'] }),
    ext(id++, '1000', '102', 'Dr_Amara_Okafor', { callGroups: ['177'] }),
    ext(id++, '1000', '103', 'Dr_Lena_Fischer', { callGroups: ['177'] }),
    ext(id++, '1000', '104', 'Billing', { planId: '6' }),
    ext(id++, '1000', '105', 'Hygiene_Room', {}),
    ext(id++, '1000', '106', 'Lab_Phone', { offline: true }),
    ext(id++, '1001', '201', 'Dispatch_Desk', { planId: '2', callGroups: ['20'] }),
    ext(id++, '1001', '202', 'Marco_Bianchi', { planId: '2' }),
    ext(id++, '1001', '203', 'Yuki_Tanaka', { planId: '2' }),
    ext(id++, '1001', '204', 'Warehouse_Floor', { planId: '2', shiftId: '150' }),
    ext(id++, '1002', '301', 'Reception', { planId: '3' }),
    ext(id++, '1002', '302', 'Priya_Raman', { planId: '3' }),
  ];

  const dids: HoduDid[] = [
    { didId: '2', number: '12125550143', tenantId: '1000', destination: { type: 'IVR', id: '1' } },
    { didId: '98', number: '12125550178', tenantId: '1000', destination: { type: 'EXTENSION', id: '641' } },
    { didId: '101', number: '12125550190', tenantId: '1000' },
    { didId: '120', number: '4930555012', tenantId: '1001', destination: { type: 'IVR', id: '21' } },
    { didId: '121', number: '4930555013', tenantId: '1001', destination: { type: 'EXTENSION', id: '646' } },
    { didId: '140', number: '442079460011', tenantId: '1002' },
    // The unassigned pool (admin getDID).
    { didId: '201', number: '12125550201', tenantId: null },
    { didId: '202', number: '12125550202', tenantId: null },
    { didId: '203', number: '4930555099', tenantId: null },
    { didId: '204', number: '442079460099', tenantId: null },
  ];

  return {
    adminToken: creds.adminToken,
    tenantTokens: new Map(Object.entries(creds.tenantTokens).map(([tid, tok]) => [tok, tid])),
    tenants,
    extensions,
    dids,
    rateplans: [
      { id: '3', name: 'Retail USD', currency: 'USD' },
      { id: '4', name: 'Retail EUR', currency: 'EUR' },
      { id: '5', name: 'Retail GBP', currency: 'GBP' },
      { id: '8', name: 'Retail INR', currency: 'INR' },
    ],
    currencies: [
      { id: '60', code: 'USD' },
      { id: '61', code: 'EUR' },
      { id: '62', code: 'GBP' },
      { id: '64', code: 'INR' },
    ],
    countries: [
      { id: '81', name: 'Germany' },
      { id: '99', name: 'India' },
      { id: '225', name: 'United Kingdom' },
      { id: '226', name: 'United States' },
    ],
    billplans: [
      { id: '1', name: 'Prepaid USD', currency: 'USD', billType: 'PREPAID' },
      { id: '2', name: 'Postpaid INR', currency: 'INR', billType: 'POSTPAID' },
      { id: '3', name: 'Postpaid EUR', currency: 'EUR', billType: 'POSTPAID' },
    ],
    timezones: [
      { id: '1', name: 'UTC (+0:00)' },
      { id: '548', name: 'ACT (+9:30)' },
      { id: '555', name: 'AET (+10:00)' },
    ],
    crmSubscriptions: new Set(),
    nextExtId: id,
  };
}
