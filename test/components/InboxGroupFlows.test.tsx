import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { Inbox, type InboxProps } from '../../src/components/Inbox/index.js';
import type { Conversation } from '../../src/core/types.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore, renderWithStore, withLocale } from '../utils/render.js';

// The Inbox joins its parts: an empty group's "Add conversations" and the tabs' "New group" act on the list's state.

const NOW = 1_700_000_000_000;

function conv(id: string, title: string, minutesAgo: number): Conversation {
  const at = NOW - minutesAgo * 60_000;
  return makeConversation({ id, title, lastActivityAt: at, lastMessage: { preview: `Hello from ${title}`, sentAt: at } });
}

const VIRTUALIZER: InboxProps['virtualizerOptions'] = {
  initialRect: { width: 320, height: 640 },
  observeElementRect: (_instance, callback) => {
    callback({ width: 320, height: 640 });
    return () => {};
  },
};

async function setup(props: Partial<InboxProps> = {}) {
  const adapter = createMemoryAdapter({
    conversations: [conv('C2Calice', 'Alice', 1), conv('C2Cbob', 'Bob', 2), conv('C2Ccarol', 'Carol', 3)],
    groups: [{ name: 'Empty', conversationIds: [] }],
  });
  const store = makeStore(adapter);
  await store.connect();
  store.flush();
  const user = userEvent.setup();
  renderWithStore(<Inbox virtualizerOptions={VIRTUALIZER} listProps={{ now: NOW }} {...props} />, store, withLocale('en'));
  return { store, user };
}

describe('Inbox: group flows that start in the list', () => {
  it('opens the group’s members dialog from an empty group’s “Add conversations”, and fills the group', async () => {
    const { store, user } = await setup();
    await user.click(screen.getByRole('tab', { name: /^Empty/ }));
    const add = screen.getByRole('button', { name: 'Add conversations' });
    await user.click(add);
    const dialog = screen.getByRole('dialog', { name: 'Conversations in “Empty”' });
    await user.click(within(dialog).getByRole('option', { name: 'Bob' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(store.getState().lists.ids('Empty')).toEqual(['C2Cbob']));
    expect(screen.getByRole('grid', { name: 'Conversations in Empty' })).toBeInTheDocument();
    // The button that opened it is gone with the empty state: focus goes to the group's tab.
    expect(screen.getByRole('tab', { name: /^Empty/ })).toHaveFocus();
  });

  it('offers no “Add conversations” when the tabs are not editable', async () => {
    const { user } = await setup({ groupTabsProps: { isEditable: false } });
    await user.click(screen.getByRole('tab', { name: /^Empty/ }));
    expect(screen.getByText('No conversations in this group')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add conversations' })).toBeNull();
  });

  it('starts a new group with the selected conversation chosen', async () => {
    const { user } = await setup();
    await user.click(screen.getByText('Bob'));
    await user.click(screen.getByRole('button', { name: 'New group' }));
    const dialog = screen.getByRole('dialog', { name: 'New group' });
    expect(within(dialog).getByRole('option', { name: 'Bob' })).toHaveAttribute('aria-selected', 'true');
    expect(within(dialog).getByRole('option', { name: 'Alice' })).toHaveAttribute('aria-selected', 'false');
  });

  it('preselects a controlled selection too', async () => {
    const { user } = await setup({ selectedId: 'C2Ccarol' });
    await user.click(screen.getByRole('button', { name: 'New group' }));
    const dialog = screen.getByRole('dialog', { name: 'New group' });
    expect(within(dialog).getByRole('option', { name: 'Carol' })).toHaveAttribute('aria-selected', 'true');
  });
});
