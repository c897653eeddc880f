import 'server-only';
import type { LiveState } from '@/lib/live-protocol';

/**
 * How hub instances agree on who polls a stream. Embedded (one process): everyone leads, nothing is shared.
 * Scaled (several instances behind a load balancer): one instance holds a lock per stream and publishes each
 * poll's state; the others follow (see pg-coordinator.ts).
 */
export interface Coordinator {
  readonly shared: boolean;
  /** Starts listening; `onNotice(key)` fires when another instance published a new state for the key. */
  start(onNotice: (key: string) => void, onLost: () => void): Promise<void>;
  /** True when this instance now leads the stream (and must poll it). Never blocks. */
  tryLock(key: string): Promise<boolean>;
  unlock(key: string): Promise<void>;
  /** The leader's state after a poll, for the followers. */
  publish(state: LiveState): Promise<void>;
  /** The last published state of a stream, if any instance ever polled it. */
  read(key: string): Promise<LiveState | undefined>;
  close(): Promise<void>;
}

export const localCoordinator = (): Coordinator => ({
  shared: false,
  start: async () => {},
  tryLock: async () => true,
  unlock: async () => {},
  publish: async () => {},
  read: async () => undefined,
  close: async () => {},
});
