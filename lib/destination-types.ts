/**
 * Destination types and their labels, without zod: destination pickers and keymap trees render these in the
 * browser, so zod (~31 KB gzip) stays out of the first load. `lib/schemas/destination` re-exports them next to
 * `destinationTypeSchema`.
 */
export const destinationTypes = [
  'extension',
  'ring_group',
  'queue',
  'ivr',
  'ivr_tree',
  'voicemail',
  'conference',
  'external',
  'fax',
  'directory',
  'remote_access',
  'crm',
  'ari',
  'deny',
  'other',
] as const;
export type DestinationType = (typeof destinationTypes)[number];

export const destinationTypeLabels: Record<DestinationType, string> = {
  extension: 'Extension',
  ring_group: 'Ring group',
  queue: 'Queue',
  ivr: 'IVR',
  ivr_tree: 'IVR tree',
  voicemail: 'Voicemail',
  conference: 'Conference',
  external: 'External number',
  fax: 'Fax to e-mail',
  directory: 'Directory',
  remote_access: 'Remote access',
  crm: 'CRM routing',
  ari: 'ARI application',
  deny: 'Deny access',
  other: 'Other',
};
