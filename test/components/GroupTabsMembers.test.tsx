/**
 * Issue 16: groups renamed, deleted and filled through the UI on every adapter, with the backend's limits shown before
 * the user tries and its per-id refusals (GROUPED_CONVERSATION_LIMIT_EXCEEDED, NOT_SUPPORTED...) reported in the
 * user's language, by drop or by "Add or remove conversations".
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CONVERSATION_DRAG_TYPE, GroupTabs } from '../../src/components/GroupTabs/index.js';
import { enMessages } from '../../src/components/internal/i18n.js';
import { InboxError } from '../../src/core/errors.js';
import { zhCNMessages } from '../../src/locales/zh-CN.js';
import { BACKENDS, makeBackend, renderOn } from './GroupTabsBackends.js';

const en = enMessages;

const openMembers = async (user: { click: (element: Element) => Promise<void> }, group: string, t: Record<string, string> = en) => {
  await user.click(screen.getByRole('button', { name: t['groupTabs.options']!.replace('{name}', group) }));
  await user.click(screen.getByRole('menuitem', { name: t['groupTabs.editMembers'] }));
  return screen.getByRole('dialog', { name: t['groupTabs.membersTitle']!.replace('{name}', group) });
};
const option = (dialog: HTMLElement, title: string) => within(dialog).getByRole('option', { name: title });

describe.each(BACKENDS)('groups edited through the UI on the %s adapter', (name) => {
  it('fills a group: "Add or remove conversations" adds and removes, and the backend holds it', async () => {
    const backend = makeBackend(name);
    const { user, store } = await renderOn(backend, <GroupTabs defaultValue="Work" />);
    const dialog = await openMembers(user, 'Work');
    // The search field takes focus; the members come first, chosen.
    expect(within(dialog).getByRole('searchbox')).toHaveFocus();
    const options = within(dialog).getAllByRole('option');
    expect(options[0]).toHaveAccessibleName('Alice');
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await user.click(option(dialog, 'Bob'));
    await user.click(option(dialog, 'Dev team'));
    await user.click(option(dialog, 'Alice'));
    await user.click(within(dialog).getByRole('button', { name: en['groupTabs.renameSubmit'] }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(backend.backendGroupsOf('Bob')).toContain('Work'));
    expect(backend.backendGroupsOf('Dev team')).toContain('Work');
    expect(backend.backendGroupsOf('Alice')).not.toContain('Work');
    expect(store.getState().lists.ids('Work')).toEqual([backend.idOf('Bob'), backend.idOf('Dev team')]);
    // Focus goes back to where the menu was opened.
    expect(screen.getByRole('button', { name: 'Options for group “Work”' })).toHaveFocus();
  });

  it('renames with F2 and deletes with the Delete key, on the backend', async () => {
    const backend = makeBackend(name);
    const { user } = await renderOn(backend, <GroupTabs />);
    await user.click(screen.getByRole('tab', { name: /^Work/ }));
    await user.keyboard('{F2}');
    const rename = screen.getByRole('dialog', { name: 'Rename group “Work”' });
    const field = within(rename).getByRole('textbox');
    await user.clear(field);
    await user.type(field, 'Office{Enter}');
    await waitFor(() => expect(backend.backendGroupNames()).toContain('Office'));
    expect(backend.backendGroupNames()).not.toContain('Work');
    expect(backend.backendGroupsOf('Alice')).toEqual(['Office']);
    await user.click(screen.getByRole('tab', { name: 'Friends' }));
    await user.keyboard('{Delete}');
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: en['groupTabs.deleteConfirm'] }));
    await waitFor(() => expect(backend.backendGroupNames()).not.toContain('Friends'));
    expect(screen.queryByRole('tab', { name: 'Friends' })).toBeNull();
  });
});

describe('limits and refusals', () => {
  it('blocks adding past the grouped-conversation limit, and frees room as members leave', async () => {
    // Alice, in Work, is the one grouped conversation the limit allows.
    const backend = makeBackend('tencent', (a) => ({ ...a, capabilities: { ...a.capabilities, maxGroupedConversations: 1 } }));
    const { user } = await renderOn(backend, <GroupTabs defaultValue="Work" />);
    const dialog = await openMembers(user, 'Work');
    const reason = '1 of 1 conversations are in groups, the most allowed. Take some out of groups to add others.';
    expect(option(dialog, 'Bob')).toHaveAttribute('aria-disabled', 'true');
    expect(option(dialog, 'Bob')).toHaveAccessibleDescription(reason);
    // Alice leaving Work leaves every group: there is room for Bob.
    await user.click(option(dialog, 'Alice'));
    expect(option(dialog, 'Bob')).not.toHaveAttribute('aria-disabled');
    await user.click(option(dialog, 'Bob'));
    expect(option(dialog, 'Carol')).toHaveAttribute('aria-disabled', 'true');
    await user.click(within(dialog).getByRole('button', { name: en['groupTabs.renameSubmit'] }));
    await waitFor(() => expect(backend.backendGroupsOf('Bob')).toEqual(['Work']));
    expect(backend.backendGroupsOf('Alice')).toEqual([]);
  });

  it('reports per-id refusals of a members save in the user’s language, naming the conversations', async () => {
    const backend = makeBackend('memory', (a) => ({
      ...a,
      // The server refuses one conversation with its own code (Tencent's 51008), as a batch result does.
      addToGroup: async (group, ids) => {
        const carol = ids.filter((id) => id === 'C2Ccarol');
        const result = await a.addToGroup(group, ids.filter((id) => id !== 'C2Ccarol'));
        return { ...result, failed: [...result.failed, ...carol.map((id) => ({ id, code: 'GROUPED_CONVERSATION_LIMIT_EXCEEDED', message: 'limit (51008)', sdkCode: 51008 }))] };
      },
    }));
    const { user, store } = await renderOn(backend, <GroupTabs defaultValue="Work" />, 'zh-CN');
    const dialog = await openMembers(user, 'Work', zhCNMessages);
    await user.click(option(dialog, 'Carol'));
    await user.click(option(dialog, 'Bob'));
    await user.click(within(dialog).getByRole('button', { name: zhCNMessages['groupTabs.renameSubmit'] }));
    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent('对“Work”的部分更改未能保存。 Carol：最多只能有 1000 个会话在分组中。');
    expect(store.getState().conversations.get('C2Ccarol')?.groupNames).toEqual([]);
    expect(backend.backendGroupsOf('Bob')).toContain('Work');
  });

  it('keeps the dialog open with the reason when the whole save is refused', async () => {
    const backend = makeBackend('openim', (a) => ({ ...a, addToGroup: () => Promise.reject(new InboxError('NOT_READY', 'Not logged in.')) }));
    const { user } = await renderOn(backend, <GroupTabs defaultValue="Work" />);
    const dialog = await openMembers(user, 'Work');
    await user.click(option(dialog, 'Carol'));
    await user.click(within(dialog).getByRole('button', { name: en['groupTabs.renameSubmit'] }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(en['groupTabs.reason.notReady']);
    expect(backend.backendGroupsOf('Carol')).toEqual([]);
  });

  it('reports a refused drop in words: Tencent’s system notices cannot be grouped', async () => {
    const backend = makeBackend('tencent');
    await renderOn(backend, <GroupTabs />);
    // The adapter leaves its title empty; it is named as its row names it, in the user's language.
    const systemTitle = en['item.systemTitle'];
    fireEvent.drop(screen.getByRole('tab', { name: 'Friends' }), {
      dataTransfer: { types: [CONVERSATION_DRAG_TYPE], getData: (type: string) => (type === CONVERSATION_DRAG_TYPE ? '@TIM#SYSTEM' : '') },
    });
    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent(`Not every conversation was added to “Friends”. ${systemTitle}: ${en['groupTabs.reason.notSupported']}`);
  });
});
