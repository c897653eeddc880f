import 'server-only';
import { capabilityNames, type Capability } from '@/lib/capabilities';
import type { PbxAdapter } from './types';

/** The optional methods this adapter implements. */
export function capabilitiesOf(adapter: PbxAdapter): Capability[] {
  return capabilityNames.filter((c) => typeof adapter[c] === 'function');
}
