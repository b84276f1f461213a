// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { InboxProvider, useConversationList, useSyncState, useUnreadTotal } from '../../src/react/index.js';
import { conv, createScriptedAdapter } from '../core/scriptedAdapter.js';

function Inbox() {
  const { ids, status } = useConversationList();
  const total = useUnreadTotal();
  const sync = useSyncState();
  return <p>{`${status} ${ids.length} ${total} ${sync.hasMore}`}</p>;
}

describe('server rendering', () => {
  it('renders the loading state without window', () => {
    expect(typeof window).toBe('undefined');
    const scripted = createScriptedAdapter({ conversations: [conv('a', { unreadCount: 3 })] });
    const html = renderToString(
      <InboxProvider adapter={scripted.adapter}>
        <Inbox />
      </InboxProvider>,
    );
    expect(html).toContain('loading 0 0 false');
    expect(scripted.subscribeCount).toBe(0);
  });
});
