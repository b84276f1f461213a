'use client';
import { usePlural } from '../internal/i18n.js';
import { listMessages } from '../internal/messages/list.js';

/**
 * "3 new — show": while the list holds its order, how many conversations would have moved or arrived; a press
 * catches the order up. A polite live region says the count as it changes.
 */
export function NewRowsPill({ count, onShow }: { count: number; onShow: () => void }) {
  const plural = usePlural(listMessages);
  const text = count > 0 ? plural('list.newRows', count) : '';
  return (
    <div className="ik-ConversationList-newRows" role="status">
      {count > 0 && (
        <button type="button" className="ik-ConversationList-newRowsButton" onClick={onShow}>
          <span aria-hidden="true">↑ </span>
          {text}
        </button>
      )}
    </div>
  );
}
