import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter, type MemoryAdapter, type MemoryGroupSeed } from '../../src/adapters/memory/index.js';
import { CONVERSATION_DRAG_TYPE, GroupTabs, groupTabId, type GroupTabsProps } from '../../src/components/GroupTabs/index.js';
import { InboxError } from '../../src/core/errors.js';
import type { Conversation } from '../../src/core/types.js';
import { AXE_TIMEOUT, axeViolations } from '../utils/axe.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore, renderWithStore, withLocale } from '../utils/render.js';

const NOW = 1_700_000_000_000;

function conv(id: string, title: string, extra: Partial<Conversation> = {}): Conversation {
  return makeConversation({ id, title, lastActivityAt: NOW - id.length * 1000, ...extra });
}

const CONVERSATIONS = [
  conv('C2Calice', 'Alice', { unreadCount: 3, groupNames: ['Work'] }),
  conv('C2Cbob', 'Bob', { unreadCount: 150, groupNames: ['Family'] }),
  conv('C2Ccarol', 'Carol', { unreadCount: 4, muteMode: 'silent', groupNames: ['Work'] }),
  conv('GROUPdev', 'Dev', { kind: 'group', groupNames: ['Friends'] }),
];
const GROUPS: MemoryGroupSeed[] = [
  { name: 'Work', conversationIds: ['C2Calice', 'C2Ccarol'] },
  { name: 'Family', conversationIds: ['C2Cbob'] },
  { name: 'Friends', conversationIds: ['GROUPdev'] },
];

interface SetupOptions {
  groups?: MemoryGroupSeed[];
  conversations?: Conversation[];
  locale?: string;
  adapter?: (adapter: MemoryAdapter) => MemoryAdapter;
}

async function setup(props: GroupTabsProps = {}, options: SetupOptions = {}) {
  const groups = options.groups ?? GROUPS;
  // Conversations only name groups that exist (the backend never holds more than 20).
  const names = new Set(groups.map((group) => group.name));
  const conversations = options.conversations ?? CONVERSATIONS.map((c) => ({ ...c, groupNames: c.groupNames.filter((n) => names.has(n)) }));
  const memory = createMemoryAdapter({ conversations, groups });
  const adapter = options.adapter ? options.adapter(memory) : memory;
  const store = makeStore(adapter);
  await store.connect();
  store.flush();
  const user = userEvent.setup();
  const view = renderWithStore(<GroupTabs {...props} />, store, withLocale(options.locale ?? 'en'));
  return { adapter: memory, store, user, ...view };
}

const tab = (name: string | RegExp) => screen.getByRole('tab', { name });
const groupNames = (store: { getState(): { groupNames: readonly string[] } }) => [...store.getState().groupNames];

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('GroupTabs: tabs and badges', () => {
  it('shows All and each group as tabs, with unread badges capped at 99+ and the real count in the name', async () => {
    await setup();
    const list = screen.getByRole('tablist', { name: 'Conversation groups' });
    const tabs = within(list).getAllByRole('tab');
    expect(tabs.map((t) => t.querySelector('.ik-GroupTabs-tabLabel')?.textContent)).toEqual(['All', 'Work', 'Family', 'Friends']);
    // Carol is muted, so Work counts Alice's 3 only; All counts 3 + 150.
    expect(tab('All (153 unread)')).toHaveTextContent('99+');
    expect(tab('Work (3 unread)')).toHaveTextContent('3');
    expect(tab('Family (150 unread)')).toHaveTextContent('99+');
    expect(tab('Friends')).not.toHaveAttribute('data-unread');
    expect(tab('Family (150 unread)')).toHaveAttribute('data-unread', '');
  });

  it('updates a badge when a message arrives in the group', async () => {
    const { adapter, store } = await setup();
    act(() => {
      adapter.simulate.message('GROUPdev', { preview: 'hi' });
      store.flush();
    });
    expect(tab('Friends (1 unread)')).toHaveTextContent('1');
  });

  it('marks the active tab with aria-selected, data-state and the only tabindex of 0', async () => {
    await setup({ defaultValue: 'Family' });
    const family = tab(/^Family/);
    expect(family).toHaveAttribute('aria-selected', 'true');
    expect(family).toHaveAttribute('data-state', 'active');
    expect(family).toHaveAttribute('tabindex', '0');
    for (const other of [tab(/^All/), tab(/^Work/), tab('Friends')]) {
      expect(other).toHaveAttribute('aria-selected', 'false');
      expect(other).toHaveAttribute('data-state', 'inactive');
      expect(other).toHaveAttribute('tabindex', '-1');
    }
  });

  it('points every tab at the panel when given a panel id, and exposes stable tab ids', async () => {
    await setup({ id: 'tabs', panelId: 'inbox-panel' });
    for (const t of screen.getAllByRole('tab')) expect(t).toHaveAttribute('aria-controls', 'inbox-panel');
    expect(tab(/^Work/)).toHaveAttribute('id', groupTabId('tabs', 'Work'));
    expect(tab(/^All/)).toHaveAttribute('id', groupTabId('tabs', null));
  });

  it('renders nothing when the backend has no groups', async () => {
    const { container } = await setup({}, { adapter: (a) => ({ ...a, capabilities: { ...a.capabilities, groups: 'none' } }) });
    expect(container).toBeEmptyDOMElement();
  });

  it('applies className and style functions of state and keeps the default classes', async () => {
    await setup({
      className: (s) => (s.value === null ? 'on-all' : 'on-group'),
      style: { color: 'red' },
      tabClassName: (s) => (s.isActive ? 'is-on' : undefined),
    });
    const root = screen.getByRole('tablist').closest('.ik-GroupTabs');
    expect(root).toHaveClass('ik-GroupTabs', 'on-all');
    expect(root).toHaveStyle({ color: 'rgb(255, 0, 0)' });
    expect(tab(/^All/)).toHaveClass('ik-GroupTabs-tab', 'is-on');
    expect(tab(/^Work/)).not.toHaveClass('is-on');
  });
});

describe('GroupTabs: keyboard and selection', () => {
  it('enters the list on the active tab and moves with arrows, Home and End, activating as focus moves', async () => {
    const onValueChange = vi.fn();
    const { user } = await setup({ onValueChange });
    await user.tab();
    expect(tab(/^All/)).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(tab(/^Work/)).toHaveFocus();
    expect(tab(/^Work/)).toHaveAttribute('aria-selected', 'true');
    expect(onValueChange).toHaveBeenLastCalledWith('Work');
    await user.keyboard('{End}');
    expect(tab('Friends')).toHaveFocus();
    expect(onValueChange).toHaveBeenLastCalledWith('Friends');
    // Wraps around at both ends.
    await user.keyboard('{ArrowRight}');
    expect(tab(/^All/)).toHaveFocus();
    expect(onValueChange).toHaveBeenLastCalledWith(null);
    await user.keyboard('{ArrowLeft}');
    expect(tab('Friends')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(tab(/^All/)).toHaveFocus();
    expect(tab(/^All/)).toHaveAttribute('aria-selected', 'true');
    // Alt+Arrow is the browser's Back/Forward: left alone.
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(tab(/^All/)).toHaveFocus();
    // Tab leaves the list from the active tab (the others are out of the tab order).
    await user.tab();
    expect(screen.getByRole('button', { name: /New group/ })).toHaveFocus();
  });

  it('mirrors the arrow keys in right-to-left layouts, from the dir prop or an ancestor', async () => {
    const { user } = await setup({ dir: 'rtl' });
    await user.click(tab(/^All/));
    await user.keyboard('{ArrowLeft}');
    expect(tab(/^Work/)).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(tab(/^Family/)).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(tab(/^Work/)).toHaveFocus();
  });

  it('reads the direction from an ancestor dir attribute', async () => {
    const memory = createMemoryAdapter({ conversations: CONVERSATIONS, groups: GROUPS });
    const store = makeStore(memory);
    await store.connect();
    const user = userEvent.setup();
    renderWithStore(
      <div dir="rtl">
        <GroupTabs />
      </div>,
      store,
    );
    await user.click(tab(/^All/));
    await user.keyboard('{ArrowLeft}');
    expect(tab(/^Work/)).toHaveFocus();
  });

  it('selects on click', async () => {
    const { user } = await setup();
    await user.click(tab(/^Family/));
    expect(tab(/^Family/)).toHaveAttribute('aria-selected', 'true');
    expect(tab(/^All/)).toHaveAttribute('aria-selected', 'false');
  });

  it('is controlled by value: a click reports the change and waits for the parent', async () => {
    const onValueChange = vi.fn();
    const { user } = await setup({ value: undefined, onValueChange });
    expect(tab(/^All/)).toHaveAttribute('aria-selected', 'true');
    await user.click(tab(/^Work/));
    expect(onValueChange).toHaveBeenCalledWith('Work');
    expect(tab(/^All/)).toHaveAttribute('aria-selected', 'true');
  });

  it('follows a controlling parent', async () => {
    const memory = createMemoryAdapter({ conversations: CONVERSATIONS, groups: GROUPS });
    const store = makeStore(memory);
    await store.connect();
    const user = userEvent.setup();
    function Parent() {
      const [value, setValue] = useState<string | null>('Friends');
      return (
        <>
          <GroupTabs value={value} onValueChange={setValue} />
          <output data-testid="value">{String(value)}</output>
        </>
      );
    }
    renderWithStore(<Parent />, store);
    expect(tab('Friends')).toHaveAttribute('aria-selected', 'true');
    await user.click(tab(/^Work/));
    expect(tab(/^Work/)).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('value')).toHaveTextContent('Work');
  });

  it('shows All as active while the value names a group that does not exist', async () => {
    await setup({ value: 'Gone' });
    expect(tab(/^All/)).toHaveAttribute('aria-selected', 'true');
    expect(tab(/^All/)).toHaveAttribute('tabindex', '0');
  });
});

describe('GroupTabs: overflow', () => {
  function rect(left: number, right: number): DOMRect {
    return { left, right, top: 0, bottom: 20, width: right - left, height: 20, x: left, y: 0, toJSON: () => ({}) };
  }

  it('scrolls the bar (not the page) to bring a cut-off active tab to its start edge, a snap position', async () => {
    const scrollBy = vi.fn();
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      if (this.classList.contains('ik-GroupTabs-viewport')) return rect(0, 200);
      if (this.id.endsWith(encodeURIComponent('Friends'))) return rect(260, 330);
      return rect(0, 60);
    });
    Object.defineProperty(HTMLElement.prototype, 'scrollBy', { configurable: true, value: scrollBy });
    try {
      const { user } = await setup({ id: 'gt' });
      scrollBy.mockClear();
      await user.click(tab(/^All/));
      await user.keyboard('{End}');
      expect(scrollBy).toHaveBeenCalledTimes(1);
      expect(scrollBy.mock.contexts[0]).toHaveClass('ik-GroupTabs-viewport');
      expect(scrollBy.mock.calls[0]![0]).toMatchObject({ left: 260 });
    } finally {
      delete (HTMLElement.prototype as { scrollBy?: unknown }).scrollBy;
    }
  });

  it('shows scroll buttons while the tabs overflow, and they scroll toward the logical end', async () => {
    let notify: (() => void) | undefined;
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          notify = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    const { container } = await setup({ dir: 'rtl' });
    expect(container.querySelector('.ik-GroupTabs-scrollButton')).toBeNull();
    const viewport = container.querySelector<HTMLElement>('.ik-GroupTabs-viewport')!;
    Object.defineProperty(viewport, 'scrollWidth', { configurable: true, value: 500 });
    Object.defineProperty(viewport, 'clientWidth', { configurable: true, value: 200 });
    act(() => notify?.());
    const root = container.querySelector('.ik-GroupTabs')!;
    expect(root).toHaveAttribute('data-overflowing', '');
    const [start, end] = container.querySelectorAll<HTMLButtonElement>('.ik-GroupTabs-scrollButton');
    expect(start).toBeDisabled();
    expect(end).toBeEnabled();
    // Hidden from assistive technology: the arrow keys reveal tabs.
    expect(end).toHaveAttribute('aria-hidden', 'true');
    fireEvent.click(end!);
    // In right-to-left the end is to the left: scrollLeft goes negative.
    expect(viewport.scrollLeft).toBe(-160);
    fireEvent.scroll(viewport);
    expect(start).toBeEnabled();
  });
});

describe('GroupTabs: create', () => {
  it('creates a group from a dialog that takes focus and gives it back', async () => {
    const { user, store } = await setup();
    const create = screen.getByRole('button', { name: 'New group' });
    await user.click(create);
    const dialog = screen.getByRole('dialog', { name: 'New group' });
    const input = within(dialog).getByRole('textbox', { name: 'Group name' });
    expect(input).toHaveFocus();
    expect(within(dialog).getByText('3 of 20 groups')).toBeInTheDocument();
    expect(within(dialog).getByText('0/32')).toBeInTheDocument();
    await user.type(input, 'Clients');
    expect(within(dialog).getByText('7/32')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    // The dialog closes once the save resolves, which may take more than the click's own turn on a busy machine.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(groupNames(store)).toEqual(['Work', 'Family', 'Friends', 'Clients']);
    expect(tab('Clients')).toBeInTheDocument();
    expect(create).toHaveFocus();
  });

  it('counts UTF-8 bytes: 11 CJK characters are 33/32 and cannot be submitted', async () => {
    const { user, store } = await setup();
    await user.click(screen.getByRole('button', { name: 'New group' }));
    const dialog = screen.getByRole('dialog');
    const input = within(dialog).getByRole('textbox', { name: 'Group name' });
    await user.type(input, '一二三四五六七八九十壹');
    expect(within(dialog).getByText('33/32')).toHaveAttribute('data-invalid', '');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The name is too long: at most 32 bytes.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/33\/32.*too long/);
    await user.keyboard('{Enter}');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(groupNames(store)).toEqual(['Work', 'Family', 'Friends']);
    // One character less fits exactly.
    await user.keyboard('{Backspace}');
    expect(within(dialog).getByText('30/32')).not.toHaveAttribute('data-invalid');
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('rejects an empty name on submit and a duplicate name as it is typed', async () => {
    const { user, store } = await setup();
    await user.click(screen.getByRole('button', { name: 'New group' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).queryByRole('alert')).toBeNull();
    await user.type(within(dialog).getByRole('textbox'), '   ');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Enter a name for the group.');
    await user.clear(within(dialog).getByRole('textbox'));
    await user.type(within(dialog).getByRole('textbox'), 'Work');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('A group named “Work” already exists.');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(groupNames(store)).toEqual(['Work', 'Family', 'Friends']);
  });

  it('shows the 20-group limit before the user tries: the create button is disabled with an explanation', async () => {
    const groups = Array.from({ length: 20 }, (_, i) => ({ name: `G${i + 1}`, conversationIds: [] }));
    const { user } = await setup({}, { groups });
    const create = screen.getByRole('button', { name: 'New group' });
    expect(create).toHaveAttribute('aria-disabled', 'true');
    expect(create).toHaveAccessibleDescription('You have 20 groups, the most allowed. Delete one to create another.');
    expect(screen.getByText(/You have 20 groups/)).toBeVisible();
    await user.click(create);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows a server error in the dialog and leaves no group behind', async () => {
    const { user, store, adapter } = await setup();
    adapter.failNext('createGroup', new InboxError('ADAPTER_FAILED', 'Server said no (51011).'));
    await user.click(screen.getByRole('button', { name: 'New group' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByRole('textbox'), 'Clients');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Server said no (51011).');
    expect(groupNames(store)).toEqual(['Work', 'Family', 'Friends']);
    expect(screen.queryByRole('tab', { name: 'Clients' })).toBeNull();
    // Typing again clears the server error.
    await user.type(within(dialog).getByRole('textbox'), 's');
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('does not call its own group a duplicate while the save is still finishing', async () => {
    // The backend reports the new group (the store lists it) before the call itself returns.
    let finish = () => {};
    const { user, store } = await setup({}, {
      adapter: (a) => ({
        ...a,
        createGroup: async (name, ids) => {
          const result = await a.createGroup(name, ids);
          await new Promise<void>((resolve) => (finish = resolve));
          return result;
        },
      }),
    });
    await user.click(screen.getByRole('button', { name: 'New group' }));
    const dialog = screen.getByRole('dialog');
    const input = within(dialog).getByRole('textbox');
    await user.type(input, 'Clients');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(groupNames(store)).toContain('Clients'));
    expect(within(dialog).getByRole('button', { name: 'Saving…' })).toHaveAttribute('aria-disabled', 'true');
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(input).not.toHaveAttribute('aria-invalid');
    act(() => finish());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('closes on Escape and returns focus to the create button', async () => {
    const { user } = await setup();
    const create = screen.getByRole('button', { name: 'New group' });
    await user.click(create);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(create).toHaveFocus();
  });
});

describe('GroupTabs: rename and delete', () => {
  it('renames the active group from its options menu, keeping it active', async () => {
    const onValueChange = vi.fn();
    const { user, store } = await setup({ defaultValue: 'Work', onValueChange });
    const options = screen.getByRole('button', { name: 'Options for group “Work”' });
    expect(options).toHaveAttribute('aria-haspopup', 'menu');
    options.focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'Group “Work”' });
    expect(options).toHaveAttribute('aria-expanded', 'true');
    expect(within(menu).getByRole('menuitem', { name: 'Rename' })).toHaveFocus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Rename group “Work”' });
    const input = within(dialog).getByRole('textbox');
    expect(input).toHaveValue('Work');
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, 'Office{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(groupNames(store)).toEqual(['Office', 'Family', 'Friends']);
    expect(tab(/^Office/)).toHaveAttribute('aria-selected', 'true');
    expect(onValueChange).toHaveBeenLastCalledWith('Office');
    expect(screen.getByRole('button', { name: 'Options for group “Office”' })).toHaveFocus();
  });

  it('rolls a failed rename back and shows why', async () => {
    const { user, store, adapter } = await setup({ defaultValue: 'Work' });
    adapter.failNext('renameGroup', new InboxError('ADAPTER_FAILED', 'Rename refused.'));
    await user.click(screen.getByRole('button', { name: 'Options for group “Work”' }));
    await user.click(screen.getByRole('menuitem', { name: 'Rename' }));
    const input = within(screen.getByRole('dialog')).getByRole('textbox');
    await user.clear(input);
    await user.type(input, 'Office{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Rename refused.');
    expect(groupNames(store)).toEqual(['Work', 'Family', 'Friends']);
    expect(tab(/^Work/)).toHaveAttribute('aria-selected', 'true');
  });

  it('opens a tab menu with the context-menu key; Escape closes it and returns focus to the tab', async () => {
    const { user } = await setup();
    await user.click(tab(/^Family/));
    await user.keyboard('{ContextMenu}');
    const menu = screen.getByRole('menu', { name: 'Group “Family”' });
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['Rename', 'Add or remove conversations…', 'Delete']);
    expect(items[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[1]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(items[0]).toHaveFocus();
    await user.keyboard('{End}');
    expect(items[2]).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(tab(/^Family/)).toHaveFocus();
  });

  it('opens the menu of any group on right click', async () => {
    const { user } = await setup();
    await user.pointer({ keys: '[MouseRight]', target: tab('Friends') });
    expect(screen.getByRole('menu', { name: 'Group “Friends”' })).toBeInTheDocument();
    await user.click(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('deletes a group after confirmation; All becomes active and takes focus', async () => {
    const onValueChange = vi.fn();
    const { user, store } = await setup({ onValueChange });
    await user.click(tab(/^Family/));
    await user.keyboard('{Shift>}{F10}{/Shift}');
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete group “Family”?' });
    expect(confirm).toHaveAccessibleDescription('Its conversations are not deleted; they stay in All.');
    // The safe choice has focus.
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Delete group' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(groupNames(store)).toEqual(['Work', 'Friends']);
    expect(store.getState().conversations.get('C2Cbob')?.groupNames).toEqual([]);
    expect(tab(/^All/)).toHaveAttribute('aria-selected', 'true');
    expect(tab(/^All/)).toHaveFocus();
    expect(onValueChange).toHaveBeenLastCalledWith(null);
  });

  it('cancels a delete with Escape, returning focus to the tab; the Delete key opens the confirmation', async () => {
    const { user, store } = await setup();
    await user.click(tab('Friends'));
    await user.keyboard('{Delete}');
    expect(screen.getByRole('alertdialog', { name: 'Delete group “Friends”?' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(tab('Friends')).toHaveFocus();
    expect(groupNames(store)).toEqual(['Work', 'Family', 'Friends']);
  });

  it('shows a failed delete in the confirmation and restores the group', async () => {
    const { user, store, adapter } = await setup();
    adapter.failNext('deleteGroup', new InboxError('ADAPTER_FAILED', 'Delete refused.'));
    await user.click(tab('Friends'));
    await user.keyboard('{Delete}');
    await user.click(screen.getByRole('button', { name: 'Delete group' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Delete refused.');
    expect(groupNames(store)).toEqual(['Work', 'Family', 'Friends']);
    expect(tab('Friends')).toBeInTheDocument();
  });

  it('renames with F2', async () => {
    const { user } = await setup();
    await user.click(tab('Friends'));
    await user.keyboard('{F2}');
    expect(screen.getByRole('dialog', { name: 'Rename group “Friends”' })).toBeInTheDocument();
  });

  it('offers no editing when isEditable is false', async () => {
    const { user } = await setup({ isEditable: false, defaultValue: 'Work' });
    expect(screen.queryByRole('button', { name: /New group|Options/ })).toBeNull();
    await user.click(tab(/^Work/));
    await user.keyboard('{ContextMenu}');
    expect(screen.queryByRole('menu')).toBeNull();
  });
});

describe('GroupTabs: drag and drop', () => {
  const drag = (types: string[], id = 'C2Cbob') => ({
    dataTransfer: { types, dropEffect: 'none', getData: (type: string) => (type === CONVERSATION_DRAG_TYPE ? id : '') },
  });

  it('adds a conversation dropped on a group tab', async () => {
    const { store } = await setup();
    const friends = tab('Friends');
    // preventDefault on dragover is what makes the tab a drop target.
    expect(fireEvent.dragOver(friends, drag([CONVERSATION_DRAG_TYPE]))).toBe(false);
    expect(friends).toHaveAttribute('data-drop-target', '');
    fireEvent.drop(friends, drag([CONVERSATION_DRAG_TYPE]));
    expect(friends).not.toHaveAttribute('data-drop-target');
    await waitFor(() => expect(store.getState().conversations.get('C2Cbob')?.groupNames).toEqual(['Family', 'Friends']));
  });

  it('accepts neither other drags nor drops on All', async () => {
    await setup();
    expect(fireEvent.dragOver(tab('Friends'), drag(['text/plain']))).toBe(true);
    expect(tab('Friends')).not.toHaveAttribute('data-drop-target');
    expect(fireEvent.dragOver(tab(/^All/), drag([CONVERSATION_DRAG_TYPE]))).toBe(true);
  });

  it('shows a failed drop', async () => {
    const { adapter, store } = await setup();
    adapter.failNext('addToGroup', new InboxError('ADAPTER_FAILED', 'Cannot add right now.'));
    fireEvent.drop(tab('Friends'), drag([CONVERSATION_DRAG_TYPE]));
    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot add right now.');
    expect(store.getState().conversations.get('C2Cbob')?.groupNames).toEqual(['Family']);
  });
});

describe('GroupTabs: platform dialog and popover', () => {
  it('opens forms with showModal and menus as popovers where the platform has them', async () => {
    const showModal = vi.fn(function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    });
    const close = vi.fn(function (this: HTMLDialogElement) {
      this.removeAttribute('open');
    });
    const showPopover = vi.fn();
    Object.defineProperty(HTMLDialogElement.prototype, 'showModal', { configurable: true, value: showModal });
    Object.defineProperty(HTMLDialogElement.prototype, 'close', { configurable: true, value: close });
    Object.defineProperty(HTMLElement.prototype, 'showPopover', { configurable: true, value: showPopover });
    try {
      const { user } = await setup({ defaultValue: 'Work' });
      await user.click(screen.getByRole('button', { name: 'Options for group “Work”' }));
      // jsdom hides every [popover] (its UA style) and the stub cannot put it in the top layer.
      const menu = screen.getByRole('menu', { hidden: true });
      expect(menu).toHaveAttribute('popover', 'manual');
      expect(showPopover).toHaveBeenCalledTimes(1);
      expect(showPopover.mock.contexts[0]).toBe(menu);
      await user.click(screen.getByRole('button', { name: 'New group' }));
      expect(screen.queryByRole('menu')).toBeNull();
      const dialog = screen.getByRole('dialog', { name: 'New group' });
      expect(showModal).toHaveBeenCalledTimes(1);
      expect(showModal.mock.contexts[0]).toBe(dialog);
      expect(within(dialog).getByRole('textbox')).toHaveFocus();
      await user.keyboard('{Escape}');
      expect(close).toHaveBeenCalledTimes(1);
      expect(screen.getByRole('button', { name: 'New group' })).toHaveFocus();
    } finally {
      delete (HTMLDialogElement.prototype as { showModal?: unknown }).showModal;
      delete (HTMLDialogElement.prototype as { close?: unknown }).close;
      delete (HTMLElement.prototype as { showPopover?: unknown }).showPopover;
    }
  });
});

describe('GroupTabs: localization and accessibility', () => {
  it('speaks Simplified Chinese', async () => {
    const { user } = await setup({ defaultValue: 'Work' }, { locale: 'zh-CN' });
    expect(screen.getByRole('tablist', { name: '会话分组' })).toBeInTheDocument();
    expect(tab('全部 （153 条未读）')).toBeInTheDocument();
    expect(tab('Work （3 条未读）')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '分组“Work”的选项' }));
    expect(screen.getByRole('menuitem', { name: '重命名' })).toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: '删除' }));
    const confirm = screen.getByRole('alertdialog', { name: '删除分组“Work”？' });
    expect(confirm).toHaveAccessibleDescription('分组中的会话不会被删除，仍保留在“全部”中。');
    expect(within(confirm).getByRole('button', { name: '删除分组' })).toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: '取消' }));
    await user.click(screen.getByRole('button', { name: '新建分组' }));
    const dialog = screen.getByRole('dialog', { name: '新建分组' });
    expect(within(dialog).getByText('已有 3/20 个分组')).toBeInTheDocument();
    expect(within(dialog).getByText('最多 32 字节，一个汉字占 3 字节。')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: '分组名称' }), '   ');
    await user.click(within(dialog).getByRole('button', { name: '创建' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('请输入分组名称。');
    await user.type(within(dialog).getByRole('textbox'), '一二三四五六七八九十壹');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('名称过长：最多 32 字节。');
    await user.clear(within(dialog).getByRole('textbox'));
    await user.type(within(dialog).getByRole('textbox'), 'Family');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('已存在名为“Family”的分组。');
  });

  it('speaks Japanese', async () => {
    const groups = Array.from({ length: 20 }, (_, i) => ({ name: `G${i + 1}`, conversationIds: i === 0 ? ['C2Calice'] : [] }));
    const { user } = await setup({ defaultValue: 'G1' }, { locale: 'ja', groups, conversations: [{ ...CONVERSATIONS[0]!, groupNames: ['G1'] }] });
    expect(screen.getByRole('tablist', { name: '会話グループ' })).toBeInTheDocument();
    expect(tab('すべて （未読 3 件）')).toBeInTheDocument();
    const create = screen.getByRole('button', { name: '新しいグループ' });
    expect(create).toHaveAccessibleDescription('グループは最大 20 個です。新しく作るには、いずれかを削除してください。');
    await user.click(screen.getByRole('button', { name: 'グループ「G1」のオプション' }));
    expect(screen.getByRole('menu', { name: 'グループ「G1」' })).toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: '名前を変更' }));
    const dialog = screen.getByRole('dialog', { name: 'グループ「G1」の名前を変更' });
    expect(within(dialog).getByText('最大 32 バイト（漢字・かなは 1 文字 3 バイト）。')).toBeInTheDocument();
    const input = within(dialog).getByRole('textbox', { name: 'グループ名' });
    await user.clear(input);
    await user.type(input, 'G2');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('「G2」という名前のグループはすでにあります。');
    await user.clear(input);
    await user.type(input, 'あいうえおかきくけこさ');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('名前が長すぎます（最大 32 バイト）。');
    await user.clear(input);
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('グループ名を入力してください。');
    await user.click(within(dialog).getByRole('button', { name: 'キャンセル' }));
    await user.click(screen.getByRole('button', { name: 'グループ「G1」のオプション' }));
    await user.click(screen.getByRole('menuitem', { name: '削除' }));
    const confirm = screen.getByRole('alertdialog', { name: 'グループ「G1」を削除しますか？' });
    expect(confirm).toHaveAccessibleDescription('会話は削除されず、「すべて」に残ります。');
    expect(within(confirm).getByRole('button', { name: 'グループを削除' })).toBeInTheDocument();
  });

  it('lets the provider override any string by id', async () => {
    const memory = createMemoryAdapter({ conversations: CONVERSATIONS, groups: GROUPS });
    const store = makeStore(memory);
    await store.connect();
    renderWithStore(<GroupTabs />, store, { messages: { 'groupTabs.all': 'Everything' } });
    expect(tab('Everything (153 unread)')).toBeInTheDocument();
  });

  it('has no axe violations: tabs, menu, form with an error, and confirmation', async () => {
    const { user, container } = await setup({ defaultValue: 'Work', panelId: 'panel' });
    const panel = document.createElement('div');
    panel.id = 'panel';
    container.appendChild(panel);
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Options for group “Work”' }));
    expect(await axeViolations(container)).toEqual([]);
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'New group' }));
    await user.type(screen.getByRole('textbox'), 'Family');
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
    await user.keyboard('{Escape}');
    await user.click(tab(/^Work/));
    await user.keyboard('{Delete}');
    expect(await axeViolations(container)).toEqual([]);
  }, AXE_TIMEOUT);

  it('has no axe violations at the group limit', async () => {
    const groups = Array.from({ length: 20 }, (_, i) => ({ name: `G${i + 1}`, conversationIds: [] }));
    const { container } = await setup({}, { groups });
    expect(await axeViolations(container)).toEqual([]);
  }, AXE_TIMEOUT);
});

describe('a group that vanishes on another device', () => {
  it('reports All through onValueChange when the active group is deleted remotely', async () => {
    const onValueChange = vi.fn();
    const { adapter, store } = await setup({ defaultValue: 'Work', onValueChange });
    expect(tab(/^Work/)).toHaveAttribute('aria-selected', 'true');
    act(() => {
      adapter.simulate.groupDeleted('Work');
      store.flush();
    });
    expect(onValueChange).toHaveBeenCalledWith(null);
    expect(tab(/^All/)).toHaveAttribute('aria-selected', 'true');
  });

  it('keeps a default value for a group that has not loaded yet', async () => {
    const onValueChange = vi.fn();
    await setup({ defaultValue: 'Work', onValueChange });
    expect(onValueChange).not.toHaveBeenCalled();
  });
});

describe('a group renamed on another device', () => {
  it('keeps the renamed group active and reports its new name', async () => {
    const onValueChange = vi.fn();
    const { adapter, store } = await setup({ defaultValue: 'Work', onValueChange });
    act(() => {
      adapter.simulate.groupRenamed('Work', 'Office');
      store.flush();
    });
    expect(onValueChange).toHaveBeenCalledWith('Office');
    expect(tab(/^Office/)).toHaveAttribute('aria-selected', 'true');
  });
});
