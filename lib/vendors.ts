/**
 * The vendors and their display names, without zod: client components that only need a label (the scope
 * switcher on every dashboard page, the CDR explorer) import this, so zod (~31 KB gzip) stays out of routes
 * that validate nothing in the browser. `lib/schemas/common` re-exports these next to `vendorSchema`.
 */
export const vendors = ['pbxware', 'hodupbx', 'mirta', 'portsip'] as const;
export type Vendor = (typeof vendors)[number];

export const vendorLabels: Record<Vendor, string> = {
  pbxware: 'PBXware',
  hodupbx: 'HoduPBX',
  mirta: 'MiRTA',
  portsip: 'PortSIP',
};
