import { type ConversationId, ConversationItem, useConversation } from '../../src/index.js';

/**
 * One conversation with a checkbox that toggles it in a selection: the small list the BatchActionBar and UndoToast
 * stories select from, so that the stories show the bar and the toast on their own.
 */
export function SelectableRow({ id, isSelected, onToggle }: { id: ConversationId; isSelected: boolean; onToggle: () => void }) {
  const conversation = useConversation(id);
  return (
    <li data-conversation-id={id} style={{ display: 'flex', alignItems: 'center', gap: 8, paddingInlineStart: 12 }}>
      <input type="checkbox" checked={isSelected} onChange={onToggle} aria-label={conversation?.title ?? id} />
      <div style={{ flex: 1, minInlineSize: 0 }}>
        <ConversationItem id={id} isSelected={isSelected} />
      </div>
    </li>
  );
}
