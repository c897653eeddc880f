import 'server-only';
import { z } from 'zod';

/**
 * The query of HoduPBX's CRM "Ring" callback (admin guide: `GET <url>?uuid=…&extension_number=1000103&
 * caller_name=…&caller_number=…&call_status=Ring`). `extension_number` carries the tenant ID as a prefix.
 */
export const hoduRingCallbackSchema = z.object({
  uuid: z.string().trim().min(1, 'is required').max(64, 'at most 64 characters'),
  extension_number: z.string().trim().regex(/^\d{1,40}$/, 'must be digits'),
  caller_name: z.string().max(200, 'at most 200 characters').optional(),
  caller_number: z.string().trim().regex(/^\+?[\d*#]{1,32}$/, 'must be a phone number'),
  call_status: z.literal('Ring', 'must be Ring'),
});
export type HoduRingCallback = z.infer<typeof hoduRingCallbackSchema>;

/**
 * Splits `<tenant_id><extension>` with the connection's tenant IDs (the longest matching prefix that leaves an
 * extension). A bare extension, or one no tenant matches, keeps the whole number and no tenant.
 */
export function splitCallbackExtension(extensionNumber: string, tenantIds: readonly string[]): { tenantId?: string; extension: string } {
  const match = [...tenantIds]
    .filter((id) => id.length > 0 && extensionNumber.length > id.length && extensionNumber.startsWith(id))
    .sort((a, b) => b.length - a.length)[0];
  return match ? { tenantId: match, extension: extensionNumber.slice(match.length) } : { extension: extensionNumber };
}
