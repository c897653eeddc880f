/**
 * Enumerations of the live model, zod-free so live pages can list them without bundling zod;
 * `lib/schemas/live.ts` builds its schemas from these.
 */
export const callDirections = ['inbound', 'outbound', 'internal', 'unknown'] as const;
export type CallDirection = (typeof callDirections)[number];

export const registrationStatuses = ['registered', 'unregistered', 'unknown'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
