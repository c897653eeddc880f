import type { Capability } from '@/lib/capabilities';
import type { TenantRef, Vendor } from '@/lib/schemas/common';

/** What the editors know of a tenant (mirrors server/services/config-reads ConfigTenant; plain data). */
export interface ConfigTenantView extends TenantRef {
  tenantName: string;
  connectionName: string;
  vendor: Vendor;
  capabilities: Capability[];
  mayEdit: boolean;
}

export interface Row<T> {
  ref: TenantRef;
  item: T;
}

export interface ConfigListData<T> {
  rows: Row<T>[];
  tenants: ConfigTenantView[];
}

/** Optimistic rows carry this until the vendor confirms them. */
export const PENDING_PREFIX = 'pending:';
