'use client';

/** Decorative pictures for the empty states, drawn in the current colour; the text says what they mean. */
const ICONS = {
  // A tray: nothing has arrived yet.
  inbox: 'M4 13h8l2 4h8l2-4h8M4 13l5-8h18l5 8v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2z',
  // A funnel: the filter hides everything.
  filter: 'M5 6h26l-10 12v9l-6 3V18z',
};

/**
 * What an empty list shows: a picture, one sentence and, when the app can do something about it, one action (show
 * all when a filter hides everything, add conversations to an empty group).
 */
export function EmptyState({ icon, text, action }: { icon: keyof typeof ICONS; text: string; action: readonly [label: string, run: () => void] | undefined }) {
  return (
    <>
      <svg className="ik-ConversationList-emptyIcon" viewBox="0 0 36 36" width="40" height="40" aria-hidden="true" focusable="false">
        <path d={ICONS[icon]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round" />
      </svg>
      <p className="ik-ConversationList-emptyText">{text}</p>
      {action && (
        <button type="button" className="ik-ConversationList-emptyAction" onClick={action[1]}>
          {action[0]}
        </button>
      )}
    </>
  );
}
