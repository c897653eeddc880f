import 'server-only';
import type {
  Balance,
  Cdr,
  CdrPage,
  CdrPageQuery,
  DestinationOption,
  Did,
  DidInput,
  Extension,
  ExtensionInput,
  FormSpec,
  Ivr,
  IvrInput,
  LiveCall,
  Money,
  OperationTimes,
  ScheduleTarget,
  SettingsSection,
  SipRegistration,
  Tenant,
  TenantCounters,
  Vendor,
} from '@/lib/schemas';

/** Per-call context: the caller's cancellation (a closed page, a stopped poller) travels to the socket. */
export interface AdapterContext {
  signal?: AbortSignal;
}

/** Tuning every adapter factory accepts; tests shorten the deadline. */
export interface AdapterOptions {
  /** Whole-call deadline including retries, ms (default 10 000). */
  deadlineMs?: number;
  /** TCP connect timeout, ms (default 3 000). */
  connectTimeoutMs?: number;
  /** Retries for idempotent reads (default 2). */
  retries?: number;
}

export interface Recording {
  contentType: string;
  body: ReadableStream<Uint8Array>;
  contentLength?: number;
}

/**
 * One PBX connection, spoken to in domain types. Every method but the first three is optional: the methods an
 * adapter implements ARE its capabilities (see `capabilitiesOf`), so the UI can say "PortSIP's API has no CDR
 * endpoint" instead of failing. Tenant-scoped methods take the vendor's tenant ID; adapters whose credential
 * is already one tenant (PortSIP, a HoduPBX tenant token) reject any other ID with `not_found`.
 *
 * Adapters implement only what their vendor documents, throw `VendorError` for every failure, and never
 * filter by who is asking: authorization happens in services before an adapter is called.
 */
export interface PbxAdapter {
  readonly vendor: Vendor;
  /** A cheap authenticated call; resolves with a line for the "Test connection" button. */
  testConnection(ctx: AdapterContext): Promise<{ detail: string }>;
  listTenants(ctx: AdapterContext): Promise<Tenant[]>;

  // ---- live operations
  getTenantCounters?(ctx: AdapterContext, tenantId: string): Promise<TenantCounters>;
  /** Balances of the given tenants (all the connection can see when omitted). */
  listBalances?(ctx: AdapterContext, tenantIds?: string[]): Promise<Balance[]>;
  rechargeBalance?(ctx: AdapterContext, tenantId: string, amount: Money): Promise<void>;
  listLiveCalls?(ctx: AdapterContext, tenantId: string): Promise<LiveCall[]>;
  listRegistrations?(ctx: AdapterContext, tenantId: string): Promise<SipRegistration[]>;
  clickToCall?(ctx: AdapterContext, input: { tenantId: string; extension: string; webPassword: string; number: string }): Promise<void>;
  /**
   * CRM "ringing" callbacks for one extension: the PBX calls the URL configured on its side whenever the
   * extension rings. The web password authorizes the extension and is never kept.
   */
  crmSubscribe?(ctx: AdapterContext, input: { tenantId: string; extension: string; webPassword: string }): Promise<void>;
  crmUnsubscribe?(ctx: AdapterContext, input: { tenantId: string; extension: string; webPassword: string }): Promise<void>;

  // ---- call records
  /** One page of CDRs in [from, to]; call again with `nextCursor` until it is absent. */
  listCdrs?(ctx: AdapterContext, query: CdrPageQuery): Promise<CdrPage>;
  getRecording?(ctx: AdapterContext, tenantId: string, cdr: Pick<Cdr, 'id' | 'recordingRef' | 'startedAt'>): Promise<Recording>;

  // ---- configuration
  /** Choices for destination pickers: the tenant's extensions, ring groups, queues, IVRs, voicemail boxes. */
  listDestinations?(ctx: AdapterContext, tenantId: string): Promise<DestinationOption[]>;

  listExtensions?(ctx: AdapterContext, tenantId: string): Promise<Extension[]>;
  getExtension?(ctx: AdapterContext, tenantId: string, id: string): Promise<Extension>;
  /** Vendor-specific fields and their allowed values, loaded from the vendor. */
  extensionForm?(ctx: AdapterContext, tenantId: string): Promise<FormSpec>;
  createExtension?(ctx: AdapterContext, tenantId: string, input: ExtensionInput): Promise<Extension>;
  updateExtension?(ctx: AdapterContext, tenantId: string, id: string, input: ExtensionInput): Promise<Extension>;
  deleteExtension?(ctx: AdapterContext, tenantId: string, id: string): Promise<void>;

  listDids?(ctx: AdapterContext, tenantId: string): Promise<Did[]>;
  didForm?(ctx: AdapterContext, tenantId: string): Promise<FormSpec>;
  createDid?(ctx: AdapterContext, tenantId: string, input: DidInput): Promise<Did>;
  updateDid?(ctx: AdapterContext, tenantId: string, id: string, input: DidInput): Promise<Did>;
  deleteDid?(ctx: AdapterContext, tenantId: string, id: string): Promise<void>;
  /** DIDs in the platform pool, not yet given to any tenant (HoduPBX admin). */
  listUnassignedDids?(ctx: AdapterContext): Promise<Did[]>;
  assignDid?(ctx: AdapterContext, tenantId: string, didId: string): Promise<void>;

  /** IVRs; `keymap` is null where the vendor's API does not expose it. */
  listIvrs?(ctx: AdapterContext, tenantId: string): Promise<Ivr[]>;
  createIvr?(ctx: AdapterContext, tenantId: string, input: IvrInput): Promise<Ivr>;
  updateIvr?(ctx: AdapterContext, tenantId: string, id: string, input: IvrInput): Promise<Ivr>;
  deleteIvr?(ctx: AdapterContext, tenantId: string, id: string): Promise<void>;

  /** Every schedule of the tenant the vendor has (tenant, DIDs, IVRs, queues…). */
  listOperationTimes?(ctx: AdapterContext, tenantId: string): Promise<OperationTimes[]>;
  /** Replaces the schedule of one target; returns what the vendor stored. */
  setOperationTimes?(ctx: AdapterContext, tenantId: string, target: ScheduleTarget, input: OperationTimes): Promise<OperationTimes>;

  // ---- vendor settings (PortSIP password policy, voicemail server…)
  getTenantSettings?(ctx: AdapterContext, tenantId: string): Promise<SettingsSection[]>;
  updateTenantSettings?(ctx: AdapterContext, tenantId: string, sectionId: string, values: Record<string, string | number | boolean>): Promise<void>;
}

export type AdapterFactory<C> = (config: C, options?: AdapterOptions) => PbxAdapter;
