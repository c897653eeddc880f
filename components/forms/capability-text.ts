import { capabilities, type Capability } from '@/lib/capabilities';
import { vendorLabels, type Vendor } from '@/lib/vendors';

/** "MiRTA's API does not offer creating extensions, so Switchboard cannot do that for Maple Leaf, Northwind." */
export function missingWriteText(vendor: Vendor, cap: Capability, tenantNames: string[]): string {
  return `${vendorLabels[vendor]}'s API does not offer ${capabilities[cap]}, so Switchboard cannot do that for ${tenantNames.join(', ')}.`;
}

/** Groups tenants lacking a capability by vendor, for one notice per vendor. */
export function lackingByVendor<T extends { vendor: Vendor; tenantName: string; capabilities: Capability[] }>(tenants: T[], has: Capability, lacks: Capability): [Vendor, string[]][] {
  const m = new Map<Vendor, string[]>();
  for (const t of tenants) if (t.capabilities.includes(has) && !t.capabilities.includes(lacks)) m.set(t.vendor, [...(m.get(t.vendor) ?? []), t.tenantName]);
  return [...m];
}
