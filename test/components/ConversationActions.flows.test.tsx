/**
 * The row menu's flows on every backend (issue 16): marks with their meaning (mark unread and read, star, fold,
 * hide), disabled with the reason where the backend lacks one; a new group made from the row (or the selection)
 * where a group needs conversations; per-id error codes told in the user's language.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import userEvent from '@testing-library/user-event';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory/index.js';
import { ConversationActions } from '../../src/components/controls/index.js';
import { InboxError } from '../../src/core/errors.js';
import { arMessages } from '../../src/locales/ar.js';
import { jaMessages } from '../../src/locales/ja.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { AXE_TIMEOUT, axeViolations } from '../utils/axe.js';
import { makeStore, renderWithStore } from '../utils/render.js';
import { CONTROLS_BACKENDS, renderOnBackend } from './controlsBackends.js';

const REASON = 'Not supported by this chat service';

async function openMenu(user: { click: (element: Element) => Promise<void> }, title: string) {
  await user.click(screen.getByRole('button', { name: `Actions for ${title}` }));
  return screen.getByRole('menu', { name: `Actions for ${title}` });
}

const MARK_LABELS = [
  ['unread', 'Mark as unread'],
  ['star', 'Star'],
  ['fold', 'Fold this chat'],
  ['hide', 'Hide from the list'],
] as const;

describe('ConversationActions: a mark the backend lacks', () => {
  it('stays in the menu, disabled, with the reason shown under it as its description, and does nothing', async () => {
    const adapter = createMemoryAdapter({ storage: null, marks: ['star'], conversations: [makeConversation({ id: 'C2Cbob', title: 'Bob' })] });
    const store = makeStore(adapter);
    await store.connect();
    const user = userEvent.setup();
    renderWithStore(<ConversationActions id="C2Cbob" />, store);
    const menu = await openMenu(user, 'Bob');
    for (const [mark, label] of MARK_LABELS) {
      const item = within(menu).getByRole('menuitem', { name: label });
      if (mark === 'star') {
        expect(item, mark).not.toHaveAttribute('aria-disabled');
        expect(item, mark).not.toHaveAccessibleDescription();
        continue;
      }
      expect(item, mark).toHaveAttribute('aria-disabled', 'true');
      expect(item, mark).toHaveAccessibleDescription(REASON);
      // The reason is on screen too, under the item, and the item's name stays its visible label.
      expect(document.getElementById(item.getAttribute('aria-describedby')!)).toHaveTextContent(REASON);
      expect(item).toHaveTextContent(new RegExp(`^${label}$`));
    }
    await user.click(within(menu).getByRole('menuitem', { name: 'Fold this chat' }));
    expect(screen.getByRole('menu')).toBeInTheDocument();
    expect(store.getState().conversations.get('C2Cbob')?.marks ?? []).toEqual([]);
  });
});

describe.each(CONTROLS_BACKENDS)('ConversationActions marks on %s', (name) => {
  it('offers every mark the backend declares, enabled', async () => {
    const { user, store } = await renderOnBackend(name, (b) => <ConversationActions id={b.idOf('Bob')} />);
    const menu = await openMenu(user, 'Bob');
    for (const [mark, label] of MARK_LABELS) {
      const item = within(menu).getByRole('menuitem', { name: label });
      expect(store.getState().capabilities.marks, mark).toContain(mark);
      expect(item, mark).not.toHaveAttribute('aria-disabled');
    }
  });

  it('marks a read conversation unread (a dot on the row), then read again', async () => {
    const { user, conversation } = await renderOnBackend(name, (b) => <ConversationActions id={b.idOf('Bob')} />);
    await openMenu(user, 'Bob');
    await user.click(screen.getByRole('menuitem', { name: 'Mark as unread' }));
    await waitFor(() => expect(conversation('Bob')?.marks).toContain('unread'));
    await openMenu(user, 'Bob');
    await user.click(screen.getByRole('menuitem', { name: 'Mark as read' }));
    await waitFor(() => expect(conversation('Bob')?.marks ?? []).not.toContain('unread'));
  });

  it('stars and unstars', async () => {
    const { user, conversation } = await renderOnBackend(name, (b) => <ConversationActions id={b.idOf('Bob')} />);
    await openMenu(user, 'Bob');
    await user.click(screen.getByRole('menuitem', { name: 'Star' }));
    await waitFor(() => expect(conversation('Bob')?.marks).toContain('star'));
    await openMenu(user, 'Bob');
    await user.click(screen.getByRole('menuitem', { name: 'Remove star' }));
    await waitFor(() => expect(conversation('Bob')?.marks ?? []).not.toContain('star'));
  });

  it('folds a conversation out of the rows, and hides one from every list', async () => {
    const { user, store, backend } = await renderOnBackend(name, (b) => (
      <>
        <ConversationActions id={b.idOf('Bob')} />
        <ConversationActions id={b.idOf('Alice')} />
      </>
    ));
    const ids = () => store.getState().lists.ids();
    await openMenu(user, 'Bob');
    await user.click(screen.getByRole('menuitem', { name: 'Fold this chat' }));
    await waitFor(() => expect(ids()).not.toContain(backend.idOf('Bob')));
    expect(store.getState().lists.folded()?.ids).toEqual([backend.idOf('Bob')]);
    await openMenu(user, 'Bob');
    await user.click(screen.getByRole('menuitem', { name: 'Unfold this chat' }));
    await waitFor(() => expect(ids()).toContain(backend.idOf('Bob')));

    await openMenu(user, 'Alice');
    await user.click(screen.getByRole('menuitem', { name: 'Hide from the list' }));
    await waitFor(() => expect(ids()).not.toContain(backend.idOf('Alice')));
    // Still readable by id, so the menu can bring it back.
    await openMenu(user, 'Alice');
    await user.click(screen.getByRole('menuitem', { name: 'Show in the list' }));
    await waitFor(() => expect(ids()).toContain(backend.idOf('Alice')));
  });
});

describe.each(CONTROLS_BACKENDS)('ConversationActions new group on %s (issue 16, Found 1)', (name) => {
  it('asks for a name and creates the group with this conversation, which works where a group needs one', async () => {
    const { user, store, backend, conversation } = await renderOnBackend(name, (b) => <ConversationActions id={b.idOf('Bob')} />);
    const trigger = screen.getByRole('button', { name: 'Actions for Bob' });
    await openMenu(user, 'Bob');
    await user.click(screen.getByRole('menuitem', { name: 'New group with this conversation…' }));
    const dialog = screen.getByRole('dialog', { name: 'New group' });
    const input = within(dialog).getByRole('textbox', { name: 'Group name' });
    expect(input).toHaveFocus();
    expect(input).toHaveAccessibleDescription(/The group starts with “Bob”\./);
    await user.type(input, 'Family');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(trigger).toHaveFocus();
    expect(store.getState().groups.map((g) => g.name)).toContain('Family');
    await waitFor(() => expect(conversation('Bob')?.groupNames).toContain('Family'));
    expect(store.getState().lists.ids('Family')).toEqual([backend.idOf('Bob')]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses a duplicate name inline, before anything is sent', async () => {
    const { user, store } = await renderOnBackend(name, (b) => <ConversationActions id={b.idOf('Bob')} />);
    await openMenu(user, 'Bob');
    await user.click(screen.getByRole('menuitem', { name: 'New group with this conversation…' }));
    const dialog = screen.getByRole('dialog', { name: 'New group' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Group name' }), ' Work ');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('A group named “Work” already exists.');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(store.getState().groups.map((g) => g.name)).toEqual(['Work']);
  });

  it('starts the group with the whole selection when the row is part of one', async () => {
    const { user, store, backend } = await renderOnBackend(name, (b) => (
      <ConversationActions id={b.idOf('Bob')} selectedIds={[b.idOf('Alice'), b.idOf('Bob')]} />
    ));
    await openMenu(user, 'Bob');
    await user.click(screen.getByRole('menuitem', { name: 'New group from selection…' }));
    const dialog = screen.getByRole('dialog', { name: 'New group' });
    expect(within(dialog).getByText('The group starts with the 2 selected conversations.')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Group name' }), 'Both');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect([...store.getState().lists.ids('Both')].sort()).toEqual([backend.idOf('Alice'), backend.idOf('Bob')].sort()));
  });
});

describe('ConversationActions new group: limits and failures', () => {
  it('is disabled with the reason at the group limit, and where the backend has no groups', async () => {
    const limited = await renderOnBackend('memory', (b) => <ConversationActions id={b.idOf('Bob')} />);
    limited.store.setState({ capabilities: { ...limited.store.getState().capabilities, maxGroups: 1 } });
    await openMenu(limited.user, 'Bob');
    const item = screen.getByRole('menuitem', { name: 'New group with this conversation…' });
    expect(item).toHaveAttribute('aria-disabled', 'true');
    expect(item).toHaveAccessibleDescription('You have 1 groups, the most allowed.');
    await limited.user.click(item);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('tells a refusal by its code in the dialog, in the user language', async () => {
    const { user, backend } = await renderOnBackend('memory', (b) => <ConversationActions id={b.idOf('Bob')} />, 'ja');
    (backend.adapter as MemoryAdapter).failNext(
      'createGroup',
      new InboxError('GROUP_LIMIT_EXCEEDED', 'At most 20 groups can be created.', { sdkCode: 51010 }),
    );
    await user.click(screen.getByRole('button', { name: '「Bob」の操作' }));
    await user.click(screen.getByRole('menuitem', { name: jaMessages['actions.newGroup'] }));
    const dialog = screen.getByRole('dialog', { name: jaMessages['actions.newGroupTitle'] });
    await user.type(within(dialog).getByRole('textbox', { name: jaMessages['groupTabs.nameLabel'] }), '家族');
    await user.click(within(dialog).getByRole('button', { name: jaMessages['groupTabs.createSubmit'] }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(jaMessages['controls.error.groupLimit'].replace('{max}', '20'));
    expect(dialog).not.toHaveTextContent('At most 20');
  });

  it('closes when the group exists and names the conversation it could not take beside the menu (per-id code kept)', async () => {
    const { user, backend, store } = await renderOnBackend('memory', (b) => <ConversationActions id={b.idOf('Bob')} />, 'ar');
    const adapter = backend.adapter;
    const createGroup = adapter.createGroup.bind(adapter);
    adapter.createGroup = async (groupName, ids) => {
      await createGroup(groupName, []);
      return { succeeded: [], failed: ids.map((id) => ({ id, code: 'GROUPED_CONVERSATION_LIMIT_EXCEEDED', message: 'limit (English)', sdkCode: 51008 })) };
    };
    await user.click(screen.getByRole('button', { name: 'إجراءات «Bob»' }));
    await user.click(screen.getByRole('menuitem', { name: arMessages['actions.newGroup'] }));
    const dialog = screen.getByRole('dialog', { name: arMessages['actions.newGroupTitle'] });
    await user.type(within(dialog).getByRole('textbox', { name: arMessages['groupTabs.nameLabel'] }), 'عائلة');
    await user.click(within(dialog).getByRole('button', { name: arMessages['groupTabs.createSubmit'] }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const max = store.getState().capabilities.maxGroupedConversations;
    expect(await screen.findByRole('alert')).toHaveTextContent(arMessages['controls.error.groupedLimit'].replace('{max}', String(max)));
  });
});

describe('ConversationActions: per-id codes from a batch reach the user in their language (issue 16, Found 4)', () => {
  it('says the grouped-conversation limit when a move to a group fails for this id', async () => {
    const { user, backend } = await renderOnBackend('memory', (b) => <ConversationActions id={b.idOf('Bob')} />, 'ja');
    backend.adapter.addToGroup = async (_name, ids) => ({
      succeeded: [],
      failed: ids.map((id) => ({ id, code: 'GROUPED_CONVERSATION_LIMIT_EXCEEDED', message: 'English', sdkCode: 51008 })),
    });
    await user.click(screen.getByRole('button', { name: '「Bob」の操作' }));
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Work' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(jaMessages['controls.error.groupedLimit'].replace('{max}', '1000'));
  });
});

describe('ConversationActions: accessibility of the new items', () => {
  it('has no axe violations with reasons shown and the new-group dialog open', async () => {
    const adapter = createMemoryAdapter({ storage: null, marks: [], groups: [{ name: 'Work', conversationIds: [] }], conversations: [makeConversation({ id: 'C2Cbob', title: 'Bob' })] });
    const store = makeStore(adapter);
    await store.connect();
    const user = userEvent.setup();
    const { container } = renderWithStore(<ConversationActions id="C2Cbob" />, store);
    await openMenu(user, 'Bob');
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByRole('menuitem', { name: 'New group with this conversation…' }));
    expect(await axeViolations(container)).toEqual([]);
  }, AXE_TIMEOUT);
});
