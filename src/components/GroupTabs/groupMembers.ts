import type { InboxState } from '../../core/store.js';
import type { ConversationId } from '../../core/types.js';

/**
 * The members of a group that the user can see: its rows and its folded conversations, in order. Hidden ones are left
 * out, so a save that starts from this list never takes a hidden conversation out of the group.
 */
export function groupMembers(state: InboxState, name: string): ConversationId[] {
  const folded = state.lists.folded(name);
  return [...state.lists.ids(name), ...(folded ? folded.ids : [])];
}
