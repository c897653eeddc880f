import 'server-only';
import { z } from 'zod';
import { missingCapabilityText } from '@/lib/capabilities';
import { vendorLabels } from '@/lib/schemas/common';
import type { Actor } from '@/server/auth/actor';
import { assertTenantRead, assertUser } from '@/server/auth/scope';
import { AppError, invalidInput } from '@/server/errors';
import { audited } from '@/server/services/audit';
import { loadConnection } from '@/server/services/connections';

export const clickToCallSchema = z.object({
  connectionId: z.string().min(1, 'choose a connection'),
  tenantId: z.string().min(1, 'choose a tenant'),
  extension: z.string().trim().regex(/^\d{1,20}$/, 'must be the extension number, digits only'),
  number: z
    .string()
    .trim()
    .regex(/^\+?[\d*#]{2,32}$/, 'must be a phone number: digits, optionally starting with +'),
  webPassword: z.string().min(1, "enter the extension's web password").max(128, 'at most 128 characters'),
});

/**
 * Rings the extension, then dials the number (HoduPBX click2call). The extension's web password is asked every
 * time and passed straight to the vendor: it is never stored, logged or written to the audit entry.
 */
export async function clickToCall(actor: Actor | null, raw: unknown): Promise<{ dialed: string }> {
  assertUser(actor);
  const parsed = clickToCallSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { connectionId, tenantId, extension, number, webPassword } = parsed.data;
  const ref = { connectionId, tenantId };
  assertTenantRead(actor, ref);
  const { adapter, vendor } = await loadConnection(connectionId);
  if (!adapter.clickToCall) throw new AppError('invalid_input', missingCapabilityText(vendorLabels[vendor], 'clickToCall'));
  return audited(actor, { action: 'call.click_to_call', targetType: 'extension', targetId: extension, ref }, async () => {
    await adapter.clickToCall!({}, { tenantId, extension, webPassword, number });
    return { dialed: number };
  }, () => ({ extension, number }));
}
