/** IVR keys, without zod (the IVR editor renders them); `lib/schemas/ivr` re-exports them next to the schema. */
export const keymapKeys = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#', 'timeout', 'invalid'] as const;
export type KeymapKey = (typeof keymapKeys)[number];
