import type { AdapterCapabilities, ConversationAdapter } from '../adapter.js';
import type { CallGuard } from '../callGuard.js';
import type { InboxError } from '../errors.js';
import type { ConversationComparator } from '../order.js';
import type { CommandStatus } from './commandStatus.js';
import type { Indexes } from './indexes.js';
import type { OptimisticLayer } from './optimisticLayer.js';
import type { InboxErrorContext, InboxState } from './types.js';

/** What the parts of one store share: the adapter, the layers of state, and how to publish and report. */
export interface StoreContext {
  readonly adapter: ConversationAdapter;
  /** Re-read after connect: some backends learn what they can do only then (OpenIM native vs emulated groups). */
  capabilities: AdapterCapabilities;
  readonly compare: ConversationComparator;
  readonly guard: CallGuard;
  readonly layer: OptimisticLayer;
  readonly indexes: Indexes;
  readonly status: CommandStatus;
  /** Publishes one new state with everything changed since the last commit (nothing when nothing changed). */
  commit(extra?: Partial<InboxState>): void;
  reportError(error: InboxError, context: InboxErrorContext): void;
  getState(): InboxState;
}
