/** The CDR key from `?conn=&tenant=&id=` (vendor IDs may hold `/`, `#`, `~`, so not path segments). */
export function cdrRef(params: URLSearchParams) {
  return { connectionId: params.get('conn') ?? '', tenantId: params.get('tenant') ?? '', id: params.get('id') ?? '' };
}
