'use client';

import { useQuery } from '@tanstack/react-query';
import type { DestinationOption } from '@/lib/schemas/destination';
import type { FormSpec } from '@/lib/schemas/form-spec';
import type { VendorErrorInfo } from '@/lib/vendor-error';
import { fetchJson, refQuery } from './fetch-json';
import { tenantKey } from './tenant-select';

type TenantRead<T> = { status: 'ok'; value: T } | { status: 'unsupported'; message: string } | { status: 'error'; error: VendorErrorInfo };
type Ref = { connectionId: string; tenantId: string };

/** Vendor form fields of one tenant, loaded from the vendor through the config read route. */
export function useFormSpec(kind: 'extension-form' | 'did-form', ref: Ref | undefined) {
  return useQuery({
    queryKey: ['config', kind, ref && tenantKey(ref)],
    queryFn: ({ signal }) => fetchJson<TenantRead<FormSpec>>(`/api/config/${kind}?${refQuery(ref!)}`, signal),
    enabled: !!ref,
    staleTime: 60_000,
  });
}

/** The tenant's real destinations (extensions, ring groups, IVRs, voicemail…), from the vendor. */
export function useDestinations(ref: Ref | undefined, enabled = true) {
  return useQuery({
    queryKey: ['config', 'destinations', ref && tenantKey(ref)],
    queryFn: ({ signal }) => fetchJson<TenantRead<DestinationOption[]>>(`/api/config/destinations?${refQuery(ref!)}`, signal),
    enabled: !!ref && enabled,
  });
}
