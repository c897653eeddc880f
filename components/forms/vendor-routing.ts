import type { Vendor } from '@/lib/schemas/common';
import type { DestinationType } from '@/lib/schemas/destination';
import type { KeymapKey } from '@/lib/schemas/ivr';

/**
 * What each vendor's API accepts as a destination, per place, so pickers offer only what will be taken.
 * PBXware: the DID `dest_type` list and the 13 keymap codes; HoduPBX mapDid: extension or IVR; MiRTA and
 * PortSIP cannot route DIDs through their APIs.
 */
export const didDestinationTypes: Record<Vendor, readonly DestinationType[]> = {
  pbxware: ['extension', 'ring_group', 'ivr', 'queue', 'voicemail', 'external', 'conference', 'ivr_tree', 'fax', 'remote_access', 'crm', 'ari', 'deny'],
  hodupbx: ['extension', 'ivr'],
  mirta: [],
  portsip: [],
};

export const keymapDestinationTypes: Record<Vendor, readonly DestinationType[]> = {
  pbxware: ['extension', 'ring_group', 'queue', 'ivr', 'voicemail', 'external', 'conference', 'directory', 'ivr_tree', 'fax', 'remote_access', 'crm', 'ari'],
  hodupbx: [],
  mirta: [],
  portsip: [],
};

/** Keys a vendor's keymap can hold (PBXware writes 0–9 and *; no #, timeout or invalid entries). */
export const keymapKeysOf: Record<Vendor, readonly KeymapKey[]> = {
  pbxware: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*'],
  hodupbx: [],
  mirta: [],
  portsip: [],
};

/** Destinations for when a schedule is closed. */
export const closedDestinationTypes: Record<Vendor, readonly DestinationType[]> = {
  pbxware: ['extension', 'voicemail'],
  hodupbx: [],
  mirta: [],
  portsip: [],
};
