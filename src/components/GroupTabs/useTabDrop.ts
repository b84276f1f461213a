import { useState, type DragEvent } from 'react';
import type { OperationResult } from '../../core/types.js';
import type { ConversationGroupsResult } from '../../react/useConversationGroups.js';
import { errorMessage } from '../internal/dom.js';

/**
 * The drag data type of a conversation id. Put it on a drag (`dataTransfer.setData(CONVERSATION_DRAG_TYPE, id)`,
 * e.g. from a draggable row) and dropping it on a group tab adds the conversation to that group.
 */
export const CONVERSATION_DRAG_TYPE = 'application/x-inboxkit-conversation-id';

export interface TabDropHandlers {
  onDragOver?: (event: DragEvent<HTMLElement>) => void;
  onDragLeave?: (event: DragEvent<HTMLElement>) => void;
  onDrop?: (event: DragEvent<HTMLElement>) => void;
}

export interface TabDrop {
  /** The group a conversation is being dragged over, for its tab's `data-drop-target`. */
  dropTarget: string | null;
  /** Why the last drop failed, shown until dismissed or until the next drop. */
  dropFailure: string | null;
  dismissDropFailure: () => void;
  /** The drag handlers of the tab of `name`: none for All, which is no group to add to. */
  dropHandlers: (name: string | null) => TabDropHandlers;
}

/** The text of a failed drop on the tab of `groupName`: the add's per-id failures, or what it rejected with. */
export type DescribeDropFailure = (groupName: string, outcome: { failed: OperationResult['failed'] } | { error: unknown }) => string;

/** The backend's own words, for callers that localise nothing. */
const plainText: DescribeDropFailure = (_, outcome) => ('failed' in outcome ? outcome.failed[0]!.message : errorMessage(outcome.error));

const isConversationDrag = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes(CONVERSATION_DRAG_TYPE);

/**
 * Dropping a conversation on a group's tab adds it to the group. Only drags that carry `CONVERSATION_DRAG_TYPE` are
 * accepted (other drags, such as files or text, show the browser's "no drop"), and the tab under the drag is marked.
 * A failed add (the backend's per-id failure or a rejection) is kept for the bar to show, since a drop has no other
 * place to report it, as `describe` words it. Off when the tabs are not editable.
 */
export function useTabDrop(addToGroup: ConversationGroupsResult['addToGroup'], isEnabled: boolean, describe: DescribeDropFailure = plainText): TabDrop {
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [dropFailure, setDropFailure] = useState<string | null>(null);

  const dropHandlers = (name: string | null): TabDropHandlers => {
    if (name === null || !isEnabled) return {};
    return {
      onDragOver: (event) => {
        if (!isConversationDrag(event)) return;
        // Accepting the drag is what lets it be dropped here.
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDropTarget(name);
      },
      onDragLeave: () => setDropTarget((current) => (current === name ? null : current)),
      onDrop: (event) => {
        setDropTarget(null);
        const conversationId = event.dataTransfer.getData(CONVERSATION_DRAG_TYPE);
        if (!conversationId) return;
        event.preventDefault();
        setDropFailure(null);
        addToGroup(name, [conversationId]).then(
          (result) => result.failed.length > 0 && setDropFailure(describe(name, { failed: result.failed })),
          (error: unknown) => setDropFailure(describe(name, { error })),
        );
      },
    };
  };

  return {
    dropTarget: isEnabled ? dropTarget : null,
    dropFailure,
    dismissDropFailure: () => setDropFailure(null),
    dropHandlers,
  };
}
