import { useState } from 'react';
import type { ConversationId } from '../../core/types.js';

export interface ChosenConversations {
  chosen: ReadonlySet<ConversationId>;
  toggle: (id: ConversationId) => void;
}

/**
 * The conversations chosen in a picker, starting from `initial` (the app's selection, a group's members). A new set
 * on every change, so what depends on it re-renders.
 */
export function useChosenConversations(initial: readonly ConversationId[]): ChosenConversations {
  const [chosen, setChosen] = useState<ReadonlySet<ConversationId>>(() => new Set(initial));
  const toggle = (id: ConversationId) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return { chosen, toggle };
}
