/**
 * The capability names, derived from the optional methods of `PbxAdapter`, with the words the UI uses when a
 * vendor lacks one. Isomorphic: the browser receives a connection's capability list and explains gaps.
 */
export const capabilities = {
  getTenantCounters: 'live counters',
  listBalances: 'tenant balances',
  rechargeBalance: 'balance recharge',
  listLiveCalls: 'a live call list',
  listRegistrations: 'SIP registration status',
  clickToCall: 'click-to-call',
  crmSubscribe: 'CRM ringing callbacks',
  crmUnsubscribe: 'ending CRM ringing callbacks',
  listCdrs: 'call records (CDRs)',
  getRecording: 'call recordings',
  listDestinations: 'a destination list',
  listExtensions: 'an extension list',
  getExtension: 'extension details',
  extensionForm: 'extension form fields',
  createExtension: 'creating extensions',
  updateExtension: 'editing extensions',
  deleteExtension: 'deleting extensions',
  listDids: 'a DID list',
  didForm: 'DID form fields',
  createDid: 'creating DIDs',
  updateDid: 'editing DID routing',
  deleteDid: 'deleting DIDs',
  listUnassignedDids: 'a pool of unassigned DIDs',
  assignDid: 'assigning DIDs to tenants',
  listIvrs: 'an IVR list',
  createIvr: 'creating IVRs',
  updateIvr: 'editing IVR keymaps',
  deleteIvr: 'deleting IVRs',
  listOperationTimes: 'operation times',
  setOperationTimes: 'editing operation times',
  getTenantSettings: 'tenant settings',
  updateTenantSettings: 'editing tenant settings',
} as const;
export type Capability = keyof typeof capabilities;
export const capabilityNames = Object.keys(capabilities) as Capability[];

/** "PortSIP's API has no call records (CDRs) endpoint." */
export function missingCapabilityText(vendorLabel: string, cap: Capability): string {
  return `${vendorLabel}'s API does not offer ${capabilities[cap]}, so Switchboard cannot show it for this connection.`;
}
