/**
 * Issue 16, Found 1: creating a group from the tabs must fit the backend. The create dialog asks which conversations
 * go in (a searchable picker over the store's list), and where the backend creates a group only with one
 * (`emptyGroups: false`, Tencent) Create waits for it, disabled with the reason. Run on each adapter.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { createTencentAdapter } from '../../src/adapters/tencent/index.js';
import { GroupTabs } from '../../src/components/GroupTabs/index.js';
import { enMessages } from '../../src/components/internal/i18n.js';
import { InboxError } from '../../src/core/errors.js';
import { jaMessages } from '../../src/locales/ja.js';
import { createFakeTencentChat, FakeTencentCloudChat } from '../../src/testing/fakeTencentChat.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { AXE_TIMEOUT, axeViolations } from '../utils/axe.js';
import { makeStore, renderWithStore } from '../utils/render.js';
import { BACKENDS, makeBackend, renderOn } from './GroupTabsBackends.js';

const en = enMessages;

afterEach(() => {
  vi.restoreAllMocks();
});

const openCreate = async (user: { click: (element: Element) => Promise<void> }) => {
  await user.click(screen.getByRole('button', { name: en['groupTabs.create'] }));
  return screen.getByRole('dialog', { name: en['groupTabs.createTitle'] });
};
const picker = (dialog: HTMLElement) => within(dialog).getByRole('listbox', { name: en['groupTabs.pickerLabel'] });
const option = (dialog: HTMLElement, title: string) => within(picker(dialog)).getByRole('option', { name: title });
const createButton = (dialog: HTMLElement) => within(dialog).getByRole('button', { name: en['groupTabs.createSubmit'] });

describe.each(BACKENDS)('creating a group through the UI on the %s adapter', (name) => {
  it('creates the group with the conversations chosen in the picker, and the backend holds it', async () => {
    const backend = makeBackend(name);
    const { user, store } = await renderOn(backend, <GroupTabs />);
    const dialog = await openCreate(user);
    await user.type(within(dialog).getByRole('textbox', { name: en['groupTabs.nameLabel'] }), 'Clients');
    await user.click(option(dialog, 'Bob'));
    expect(option(dialog, 'Bob')).toHaveAttribute('aria-selected', 'true');
    expect(within(dialog).getByText('Chosen: 1')).toBeInTheDocument();
    expect(createButton(dialog)).not.toHaveAttribute('aria-disabled');
    await user.click(createButton(dialog));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Selected at once, and on the backend itself with its member.
    expect(screen.getByRole('tab', { name: 'Clients' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(backend.backendGroupNames()).toContain('Clients'));
    expect(backend.backendGroupsOf('Bob')).toContain('Clients');
    expect(store.getState().conversations.get(backend.idOf('Bob'))?.groupNames).toContain('Clients');
    // Nothing was refused, so nothing is reported.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it(`${name === 'tencent' ? 'needs' : 'does not need'} a conversation to create a group, as its capabilities say`, async () => {
    const backend = makeBackend(name);
    const { user } = await renderOn(backend, <GroupTabs />);
    const needsOne = backend.adapter.capabilities.emptyGroups === false;
    expect(needsOne).toBe(name === 'tencent');
    const dialog = await openCreate(user);
    const field = within(dialog).getByRole('textbox', { name: en['groupTabs.nameLabel'] });
    await user.type(field, 'Later');
    if (needsOne) {
      // Disabled with the reason, before the user tries; Enter sends them to what is missing.
      expect(createButton(dialog)).toHaveAttribute('aria-disabled', 'true');
      expect(createButton(dialog)).toHaveAccessibleDescription(en['groupTabs.pickerRequired']);
      await user.keyboard('{Enter}');
      expect(within(dialog).getByRole('searchbox', { name: en['groupTabs.pickerSearch'] })).toHaveFocus();
      expect(backend.backendGroupNames()).not.toContain('Later');
      await user.click(option(dialog, 'Carol'));
      expect(createButton(dialog)).not.toHaveAttribute('aria-disabled');
      expect(within(dialog).queryByText(en['groupTabs.pickerRequired'])).toBeNull();
    } else {
      expect(createButton(dialog)).not.toHaveAttribute('aria-disabled');
      expect(within(picker(dialog).closest('[role="group"]') as HTMLElement).getByText(en['groupTabs.pickerOptional'])).toBeInTheDocument();
    }
    await user.click(createButton(dialog));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(backend.backendGroupNames()).toContain('Later'));
  });
});

describe('creating on Tencent (emptyGroups: false)', () => {
  it('asks the SDK to create the group with the chosen conversations (the old dialog sent none, and was refused)', async () => {
    const backend = makeBackend('tencent') as ReturnType<typeof makeBackend> & { chat: ReturnType<typeof createFakeTencentChat> };
    const { user } = await renderOn(backend, <GroupTabs />);
    const dialog = await openCreate(user);
    await user.type(within(dialog).getByRole('textbox', { name: en['groupTabs.nameLabel'] }), 'R&D');
    await user.click(option(dialog, 'Dev team'));
    await user.click(option(dialog, 'Carol'));
    await user.click(createButton(dialog));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const calls = backend.chat.calls.filter((call) => call.method === 'createConversationGroup');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0]).toEqual({ groupName: 'R&D', conversationIDList: expect.arrayContaining(['GROUPdev', 'C2Ccarol']) as unknown });
    expect(backend.chat.peek('GROUPdev')?.conversationGroupList).toEqual(['R&D']);
  });

  it('reports the conversations the SDK refused (the system notices, 2503) in words, and keeps the group', async () => {
    const backend = makeBackend('tencent');
    const { user } = await renderOn(backend, <GroupTabs />);
    const dialog = await openCreate(user);
    await user.type(within(dialog).getByRole('textbox', { name: en['groupTabs.nameLabel'] }), 'Mixed');
    await user.type(within(dialog).getByRole('searchbox'), 'o');
    await user.click(option(dialog, 'Bob'));
    await user.clear(within(dialog).getByRole('searchbox'));
    // Untitled by the adapter, it is named as its row names it.
    const system = option(dialog, en['item.systemTitle']);
    await user.click(system);
    await user.click(createButton(dialog));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent('Not every conversation was added to “Mixed”.');
    expect(notice).toHaveTextContent(`${system.textContent}: ${en['groupTabs.reason.notSupported']}`);
    expect(backend.backendGroupsOf('Bob')).toEqual(['Mixed']);
    await user.click(within(notice).getByRole('button', { name: en['groupTabs.dismiss'] }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('disables "New group" with the reason while there is no conversation to put in one', async () => {
    const chat = createFakeTencentChat({ throttleMs: 0, conversations: [], groups: [] });
    const store = makeStore(createTencentAdapter({ chat, TencentCloudChat: FakeTencentCloudChat }));
    await store.connect();
    renderWithStore(<GroupTabs />, store);
    const create = screen.getByRole('button', { name: en['groupTabs.create'] });
    expect(create).toHaveAttribute('aria-disabled', 'true');
    expect(create).toHaveAccessibleDescription(en['groupTabs.needsConversation']);
  });
});

describe('the conversation picker', () => {
  function manyConversations(count: number) {
    return Array.from({ length: count }, (_, i) =>
      makeConversation({ id: `C2Cu${i}`, title: `User ${String(i).padStart(3, '0')}`, lastActivityAt: 1_700_000_000_000 - i * 1000 }),
    );
  }

  it('starts from the app’s selection, listed first and chosen', async () => {
    const backend = makeBackend('memory');
    const { user } = await renderOn(backend, <GroupTabs selectedIds={[backend.idOf('Carol'), 'C2Cnobody']} />);
    const dialog = await openCreate(user);
    const options = within(picker(dialog)).getAllByRole('option');
    expect(options[0]).toHaveAccessibleName('Carol');
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    // An id the store does not hold is left out: neither listed nor counted, nor sent.
    expect(options.map((o) => o.textContent)).not.toContain('C2Cnobody');
    expect(options.filter((o) => o.getAttribute('aria-selected') === 'true')).toHaveLength(1);
    expect(within(dialog).getByText('Chosen: 1')).toBeInTheDocument();
  });

  it('searches titles, and works from the keyboard with focus kept in the dialog', async () => {
    const backend = makeBackend('memory');
    const { user } = await renderOn(backend, <GroupTabs />);
    const create = screen.getByRole('button', { name: en['groupTabs.create'] });
    const dialog = await openCreate(user);
    await user.type(within(dialog).getByRole('textbox', { name: en['groupTabs.nameLabel'] }), 'Close');
    await user.tab();
    const search = within(dialog).getByRole('searchbox', { name: en['groupTabs.pickerSearch'] });
    expect(search).toHaveFocus();
    await user.type(search, 'CAR');
    await waitFor(() => expect(within(picker(dialog)).getAllByRole('option')).toHaveLength(1));
    // Enter while searching does not create a half-chosen group.
    await user.keyboard('{Enter}');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.keyboard('{ArrowDown}');
    const list = picker(dialog);
    expect(list).toHaveFocus();
    expect(list).toHaveAttribute('aria-multiselectable', 'true');
    const carol = option(dialog, 'Carol');
    expect(list).toHaveAttribute('aria-activedescendant', carol.id);
    await user.keyboard(' ');
    expect(carol).toHaveAttribute('aria-selected', 'true');
    await user.keyboard(' ');
    expect(carol).toHaveAttribute('aria-selected', 'false');
    await user.keyboard(' ');
    await user.clear(search);
    await user.type(search, 'zzz');
    expect(await within(dialog).findByRole('status')).toHaveTextContent('No conversation matches “zzz”.');
    expect(within(dialog).queryByRole('listbox')).toBeNull();
    await user.clear(search);
    // The whole list again, the choice kept; arrows move, Home and End jump.
    await user.click(option(dialog, 'Alice'));
    expect(picker(dialog)).toHaveFocus();
    await user.keyboard('{End}');
    const options = within(picker(dialog)).getAllByRole('option');
    expect(picker(dialog)).toHaveAttribute('aria-activedescendant', options.at(-1)!.id);
    await user.keyboard('{Home}{ArrowDown}');
    expect(picker(dialog)).toHaveAttribute('aria-activedescendant', options[1]!.id);
    expect(within(dialog).getByText('Chosen: 2')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(create).toHaveFocus();
  });

  it('lists at most 50 and says to type to narrow; offers to load the pages not loaded yet', async () => {
    const adapter = createMemoryAdapter({ storage: null, conversations: manyConversations(130) });
    const store = makeStore(adapter, { pageSize: 100 });
    await store.connect();
    const user = userEvent.setup();
    renderWithStore(<GroupTabs />, store);
    const dialog = await openCreate(user);
    expect(within(picker(dialog)).getAllByRole('option')).toHaveLength(50);
    expect(within(dialog).getByRole('status')).toHaveTextContent('Showing 50 of 100. Type to narrow.');
    expect(within(dialog).getByText(en['groupTabs.pickerPartial'], { exact: false })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: en['groupTabs.pickerLoadMore'] }));
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('Showing 50 of 130. Type to narrow.'));
    expect(within(dialog).queryByRole('button', { name: en['groupTabs.pickerLoadMore'] })).toBeNull();
    await user.type(within(dialog).getByRole('searchbox'), 'User 12');
    await waitFor(() => expect(within(picker(dialog)).getAllByRole('option')).toHaveLength(10));
    expect(within(dialog).getByRole('status')).toHaveTextContent('');
  });

  it('blocks choices past the grouped-conversation limit before the user tries, with the reason', async () => {
    // Alice is grouped already; with a limit of 2, one more conversation outside every group fits.
    const backend = makeBackend('memory', (a) => ({ ...a, capabilities: { ...a.capabilities, maxGroupedConversations: 2 } }));
    const { user } = await renderOn(backend, <GroupTabs />);
    const dialog = await openCreate(user);
    expect(option(dialog, 'Carol')).not.toHaveAttribute('aria-disabled');
    await user.click(option(dialog, 'Bob'));
    const reason = '2 of 2 conversations are in groups, the most allowed. Take some out of groups to add others.';
    expect(option(dialog, 'Carol')).toHaveAttribute('aria-disabled', 'true');
    expect(option(dialog, 'Carol')).toHaveAccessibleDescription(reason);
    expect(within(dialog).getByText(reason)).toBeVisible();
    await user.click(option(dialog, 'Carol'));
    expect(option(dialog, 'Carol')).toHaveAttribute('aria-selected', 'false');
    // Alice is in a group already: choosing her adds nothing to the count.
    expect(option(dialog, 'Alice')).not.toHaveAttribute('aria-disabled');
    await user.click(option(dialog, 'Bob'));
    expect(option(dialog, 'Carol')).not.toHaveAttribute('aria-disabled');
  });

  it('shows a refusal of the whole create in the dialog, in the user’s language', async () => {
    const backend = makeBackend('memory', (a) => ({
      ...a,
      createGroup: () => Promise.reject(new InboxError('GROUPED_CONVERSATION_LIMIT_EXCEEDED', 'At most 1000 (51008).', { sdkCode: 51008 })),
    }));
    const { user } = await renderOn(backend, <GroupTabs />, 'ja');
    await user.click(screen.getByRole('button', { name: jaMessages['groupTabs.create'] }));
    const dialog = screen.getByRole('dialog', { name: jaMessages['groupTabs.createTitle'] });
    await user.type(within(dialog).getByRole('textbox', { name: jaMessages['groupTabs.nameLabel'] }), '顧客');
    await user.click(within(dialog).getByRole('option', { name: 'Bob' }));
    await user.click(within(dialog).getByRole('button', { name: jaMessages['groupTabs.createSubmit'] }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('グループに入れられる会話は最大 1000 件です。');
    expect(screen.queryByRole('tab', { name: '顧客' })).toBeNull();
  });

  it('has no axe violations with the picker open, a choice made and an option blocked', async () => {
    const backend = makeBackend('tencent', (a) => ({ ...a, capabilities: { ...a.capabilities, maxGroupedConversations: 2 } }));
    const { user, container } = await renderOn(backend, <GroupTabs />);
    const dialog = await openCreate(user);
    expect(await axeViolations(container)).toEqual([]);
    await user.click(option(dialog, 'Bob'));
    expect(await axeViolations(container)).toEqual([]);
  }, AXE_TIMEOUT);
});
