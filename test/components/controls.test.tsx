import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, useState, type ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter, type MemoryAdapter, type MemoryGroupSeed } from '../../src/adapters/memory/index.js';
import { ConversationActions, DraftEditor, MuteToggle, PinButton } from '../../src/components/controls/index.js';
import type { AdapterCapabilities } from '../../src/core/adapter.js';
import { InboxError } from '../../src/core/errors.js';
import type { Conversation } from '../../src/core/types.js';
import { axeViolations } from '../utils/axe.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore, renderWithStore, withLocale } from '../utils/render.js';

const NOW = 1_700_000_000_000;
/** Backend latency where a test looks at the in-flight state: long enough that a busy machine still sees it. */
const IN_FLIGHT_MS = 300;

function conv(id: string, title: string, extra: Partial<Conversation> = {}): Conversation {
  return makeConversation({ id, title, lastActivityAt: NOW - id.length * 1000, ...extra });
}

const CONVERSATIONS = [
  conv('C2Calice', 'Alice', { unreadCount: 2, groupNames: ['Work'] }),
  conv('C2Cbob', 'Bob', { isPinned: true }),
  conv('C2Ccarol', 'Carol', { muteMode: 'blocked' }),
];
const GROUPS: MemoryGroupSeed[] = [
  { name: 'Work', conversationIds: ['C2Calice'] },
  { name: 'Family', conversationIds: [] },
];

interface SetupOptions {
  locale?: string;
  groups?: MemoryGroupSeed[];
  capabilities?: Partial<AdapterCapabilities>;
}

async function setup(ui: ReactElement, options: SetupOptions = {}) {
  // Without groups, no conversation may name one either (the adapter would create it).
  const conversations = options.groups?.length === 0 ? CONVERSATIONS.map((c) => ({ ...c, groupNames: [] })) : CONVERSATIONS;
  const memory = createMemoryAdapter({ conversations, groups: options.groups ?? GROUPS });
  const adapter: MemoryAdapter = options.capabilities
    ? { ...memory, capabilities: { ...memory.capabilities, ...options.capabilities } }
    : memory;
  const store = makeStore(adapter);
  await store.connect();
  store.flush();
  const user = userEvent.setup();
  const view = renderWithStore(ui, store, withLocale(options.locale ?? 'en'));
  const get = (id: string) => store.getState().conversations.get(id);
  return { adapter, memory, store, user, get, ...view };
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** Texts of the items of a menu, in order (menuitem and menuitemcheckbox alike). */
function menuItemTexts(menu: HTMLElement): (string | null)[] {
  return [...menu.querySelectorAll('[role^="menuitem"]')].map((item) => item.textContent);
}

// ---------------------------------------------------------------------------------------------------
describe('PinButton', () => {
  it('is a toggle button that pins and unpins', async () => {
    const { user, get } = await setup(<PinButton id="C2Calice" />);
    const button = screen.getByRole('button', { name: 'Pin' });
    expect(button).toHaveClass('ik-PinButton');
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await user.click(button);
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(button).toHaveAttribute('data-pinned', '');
    expect(get('C2Calice')?.isPinned).toBe(true);
    await user.click(button);
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(get('C2Calice')?.isPinned).toBe(false);
  });

  it('shows the change at once and ignores presses while it is in flight', async () => {
    const { user, memory, adapter } = await setup(<PinButton id="C2Calice" />);
    memory.setLatency(IN_FLIGHT_MS);
    const pin = vi.spyOn(adapter, 'pin');
    const button = screen.getByRole('button', { name: 'Pin' });
    await user.click(button);
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAttribute('data-pending', '');
    await user.click(button);
    expect(pin).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(button).not.toHaveAttribute('aria-disabled'));
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(button).toHaveFocus();
  });

  it('rolls back a failed pin and shows the reason until dismissed', async () => {
    const onError = vi.fn();
    const { user, memory, get } = await setup(<PinButton id="C2Calice" onError={onError} />);
    memory.failNext('pin', new InboxError('ADAPTER_FAILED', 'Pinning is down.'));
    const button = screen.getByRole('button', { name: 'Pin' });
    await user.click(button);
    expect(await screen.findByRole('alert')).toHaveTextContent('Pinning is down.');
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(button).toHaveAttribute('data-error', '');
    expect(get('C2Calice')?.isPinned).toBe(false);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'Pinning is down.' }));
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('explains the pin limit in the user’s language', async () => {
    const { user } = await setup(<PinButton id="C2Calice" />, { capabilities: { maxPinned: 1 }, locale: 'zh-CN' });
    await user.click(screen.getByRole('button', { name: '置顶' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('最多只能置顶 1 个会话。');
    expect(screen.getByRole('button', { name: '关闭' })).toBeInTheDocument();
  });

  it('takes className, style and children as functions of its state, and renders nothing for an unknown id', async () => {
    const { user } = await setup(
      <>
        <PinButton id="C2Cbob" className={(s) => (s.isPinned ? 'pinned' : 'unpinned')} style={(s) => ({ opacity: s.isPinned ? 1 : 0.5 })}>
          {(s) => (s.isPinned ? 'Pinned' : 'Not pinned')}
        </PinButton>
        <PinButton id="nope" />
      </>,
    );
    const button = screen.getByRole('button', { name: 'Pinned' });
    expect(button).toHaveClass('ik-PinButton', 'pinned');
    expect(button).toHaveStyle({ opacity: '1' });
    await user.click(button);
    expect(button).toHaveTextContent('Not pinned');
    expect(button).toHaveClass('unpinned');
    expect(screen.getAllByRole('button')).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('MuteToggle', () => {
  it('toggles between notifying and silent', async () => {
    const { user, get } = await setup(<MuteToggle id="C2Calice" />);
    const button = screen.getByRole('button', { name: 'Mute notifications' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(button).toHaveAttribute('data-mute-mode', 'none');
    await user.click(button);
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(get('C2Calice')?.muteMode).toBe('silent');
    await user.click(button);
    expect(get('C2Calice')?.muteMode).toBe('none');
  });

  it('sets the chosen mode, and unmutes a conversation muted in any mode', async () => {
    const { user, get } = await setup(
      <>
        <MuteToggle id="C2Calice" mutedMode="silentExceptMention" />
        <MuteToggle id="C2Ccarol" className={(s) => `mode-${s.muteMode}`} />
      </>,
    );
    const [alice, carol] = screen.getAllByRole('button', { name: 'Mute notifications' });
    await user.click(alice!);
    expect(get('C2Calice')?.muteMode).toBe('silentExceptMention');
    expect(carol).toHaveAttribute('aria-pressed', 'true');
    expect(carol).toHaveClass('mode-blocked');
    await user.click(carol!);
    expect(get('C2Ccarol')?.muteMode).toBe('none');
    expect(carol).toHaveAttribute('aria-pressed', 'false');
  });

  it('rolls back a failed change and shows the reason', async () => {
    const { user, memory, get } = await setup(<MuteToggle id="C2Calice" />);
    memory.failNext('setMuteMode', new InboxError('ADAPTER_FAILED', 'Mute failed on the server.'));
    const button = screen.getByRole('button', { name: 'Mute notifications' });
    await user.click(button);
    expect(await screen.findByRole('alert')).toHaveTextContent('Mute failed on the server.');
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(get('C2Calice')?.muteMode).toBe('none');
  });
});

// ---------------------------------------------------------------------------------------------------
describe('DraftEditor', () => {
  it('is a labelled text field that saves after a pause and announces it politely', async () => {
    // Half a second of pause before saving: long enough that "dirty" is still true right after typing on a loaded
    // machine (20 ms was not: user-event waits a task after the last key), short enough to wait for.
    const { user, get, container } = await setup(<DraftEditor id="C2Calice" debounceMs={500} />);
    const field = screen.getByRole('textbox', { name: 'Draft' });
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent('');
    await user.type(field, 'See you');
    expect(field).toHaveValue('See you');
    expect(container.querySelector('.ik-DraftEditor')).toHaveAttribute('data-status', 'dirty');
    await waitFor(() => expect(status).toHaveTextContent('Draft saved'), { timeout: 5_000 });
    expect(get('C2Calice')?.draft?.text).toBe('See you');
    expect(container.querySelector('.ik-DraftEditor')).toHaveAttribute('data-has-draft', '');
  });

  it('saves at once on blur, and shows Saving… while the backend works', async () => {
    const { user, memory, get } = await setup(
      <>
        <DraftEditor id="C2Calice" debounceMs={60_000} />
        <button type="button">elsewhere</button>
      </>,
    );
    memory.setLatency(IN_FLIGHT_MS);
    await user.type(screen.getByRole('textbox', { name: 'Draft' }), 'Later');
    expect(get('C2Calice')?.draft).toBeUndefined();
    await user.tab();
    expect(get('C2Calice')?.draft?.text).toBe('Later');
    expect(screen.getByRole('status')).toHaveTextContent('Saving…');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Draft saved'));
  });

  it('keeps the text and says why when saving fails', async () => {
    const { user, memory } = await setup(
      <>
        <DraftEditor id="C2Calice" debounceMs={60_000} />
        <button type="button">elsewhere</button>
      </>,
    );
    memory.failNext('setDraft', new InboxError('ADAPTER_FAILED', 'Offline.'));
    await user.type(screen.getByRole('textbox'), 'Hello');
    await user.tab();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('The draft was not saved: Offline.'));
    expect(screen.getByRole('textbox')).toHaveValue('Hello');
  });

  it('shows an existing draft and accepts a custom label', async () => {
    const memory = createMemoryAdapter({ conversations: [conv('C2Cdan', 'Dan', { draft: { text: 'half a thought', updatedAt: NOW } })] });
    const store = makeStore(memory);
    await store.connect();
    renderWithStore(<DraftEditor id="C2Cdan" label="Message to Dan" />, store);
    expect(screen.getByRole('textbox', { name: 'Message to Dan' })).toHaveValue('half a thought');
  });
});

// ---------------------------------------------------------------------------------------------------
describe('ConversationActions: mute items follow capabilities.muteModes (issue 16, Found 4)', () => {
  it('sets a mode the backend allows for this kind of conversation', async () => {
    const { user, get } = await setup(<ConversationActions id="C2Calice" mutedMode="silentExceptMention" />, {
      capabilities: { muteModes: { direct: ['none', 'silent', 'blocked'] } },
    });
    await user.click(screen.getByRole('button', { name: 'Actions for Alice' }));
    await user.click(screen.getByRole('menuitem', { name: 'Mute notifications' }));
    await waitFor(() => expect(get('C2Calice')?.muteMode).toBe('silent'));
  });

  it('is disabled, saying why, when the backend allows no mode for it', async () => {
    const { user, get } = await setup(<ConversationActions id="C2Calice" />, { capabilities: { muteModes: { direct: ['none'] } } });
    await user.click(screen.getByRole('button', { name: 'Actions for Alice' }));
    const item = screen.getByRole('menuitem', { name: 'This conversation cannot be muted' });
    expect(item).toHaveAttribute('aria-disabled', 'true');
    await user.click(item);
    expect(get('C2Calice')?.muteMode).toBe('none');
  });
});

describe('ConversationActions: menu', () => {
  it('opens from its trigger with focus on the first item; Escape closes and returns focus', async () => {
    const { user } = await setup(<ConversationActions id="C2Calice" />);
    const trigger = screen.getByRole('button', { name: 'Actions for Alice' });
    expect(trigger).toHaveAttribute('aria-haspopup', 'menu');
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await user.click(trigger);
    const menu = screen.getByRole('menu', { name: 'Actions for Alice' });
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    expect(trigger).toHaveAttribute('aria-controls', menu.id);
    const items = [...menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')];
    expect(items.map((i) => i.textContent)).toEqual([
      'Pin',
      'Mute notifications',
      'Mark as read',
      'Star',
      'Fold this chat',
      'Hide from the list',
      '✓Work',
      'Family',
      'New group with this conversation…',
      'Delete…',
    ]);
    expect(items[0]).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(trigger).toHaveFocus();
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
  });

  it('moves with the arrow keys (wrapping), Home, End and type-ahead', async () => {
    const { user } = await setup(<ConversationActions id="C2Calice" />);
    screen.getByRole('button', { name: 'Actions for Alice' }).focus();
    await user.keyboard('{ArrowUp}');
    const item = (name: string) => screen.queryByRole('menuitem', { name }) ?? screen.getByRole('menuitemcheckbox', { name });
    expect(item('Delete…')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(item('Pin')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(item('Delete…')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(item('Pin')).toHaveFocus();
    await user.keyboard('{End}');
    expect(item('Delete…')).toHaveFocus();
    await user.keyboard('m');
    expect(item('Mute notifications')).toHaveFocus();
    await user.keyboard('m');
    expect(item('Mark as read')).toHaveFocus();
    // The checkmark is decoration: "w" finds Work.
    await user.keyboard('w');
    expect(item('Work')).toHaveFocus();
    await user.keyboard('{Tab}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.getByRole('button', { name: 'Actions for Alice' })).toHaveFocus();
  });

  it('opens with ArrowDown on the trigger, and closes on a press outside without taking focus back', async () => {
    const { user } = await setup(
      <>
        <ConversationActions id="C2Calice" />
        <input aria-label="search" />
      </>,
    );
    screen.getByRole('button', { name: 'Actions for Alice' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Pin' })).toHaveFocus();
    await user.click(screen.getByRole('textbox', { name: 'search' }));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'search' })).toHaveFocus();
  });

  it('pins, mutes and marks read, closing the menu and returning focus each time', async () => {
    const { user, get } = await setup(<ConversationActions id="C2Calice" />);
    const trigger = screen.getByRole('button', { name: 'Actions for Alice' });
    await user.click(trigger);
    await user.click(screen.getByRole('menuitem', { name: 'Pin' }));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(trigger).toHaveFocus();
    expect(get('C2Calice')?.isPinned).toBe(true);

    await user.keyboard('{Enter}');
    expect(screen.getByRole('menuitem', { name: 'Unpin' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(get('C2Calice')?.muteMode).toBe('silent');
    expect(trigger).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(screen.getByRole('menuitem', { name: 'Unmute notifications' })).toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: 'Mark as read' }));
    expect(get('C2Calice')?.unreadCount).toBe(0);
  });

  it('disables what cannot be done: pin at the limit, groups without support (a new group says why)', async () => {
    const { user, get } = await setup(
      <>
        <ConversationActions id="C2Ccarol" />
      </>,
      { capabilities: { maxPinned: 1, groups: 'none' } },
    );
    await user.click(screen.getByRole('button', { name: 'Actions for Carol' }));
    // Nothing unread: the item marks it unread instead.
    expect(screen.queryByRole('menuitem', { name: 'Mark as read' })).toBeNull();
    expect(screen.getByRole('menuitem', { name: 'Mark as unread' })).not.toHaveAttribute('aria-disabled');
    const newGroup = screen.getByRole('menuitem', { name: 'New group with this conversation…' });
    expect(newGroup).toHaveAttribute('aria-disabled', 'true');
    expect(newGroup).toHaveAccessibleDescription('Not supported by this chat service');
    const pin = screen.getByRole('menuitem', { name: 'Pin (at most 1)' });
    expect(pin).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('menuitem', { name: 'Move to group (not available)' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.queryByRole('menuitemcheckbox')).toBeNull();
    // Disabled items can be reached but do nothing.
    await user.click(pin);
    expect(screen.getByRole('menu')).toBeInTheDocument();
    expect(get('C2Ccarol')?.isPinned).toBe(false);
    await user.keyboard('{Home}');
    expect(pin).toHaveFocus();
  });

  it('says when there are no groups yet', async () => {
    const { user } = await setup(<ConversationActions id="C2Cbob" />, { groups: [] });
    await user.click(screen.getByRole('button', { name: 'Actions for Bob' }));
    expect(screen.getByRole('menuitem', { name: 'Move to group (no groups yet)' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('menuitem', { name: 'Unpin' })).not.toHaveAttribute('aria-disabled');
  });

  it('shows a failed command inline and rolls it back', async () => {
    const onError = vi.fn();
    const { user, memory, get, container } = await setup(<ConversationActions id="C2Calice" onError={onError} />);
    memory.failNext('markRead', new InboxError('ADAPTER_FAILED', 'Could not reach the server.'));
    await user.click(screen.getByRole('button', { name: 'Actions for Alice' }));
    await user.click(screen.getByRole('menuitem', { name: 'Mark as read' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the server.');
    expect(get('C2Calice')?.unreadCount).toBe(2);
    expect(container.querySelector('.ik-ConversationActions')).toHaveAttribute('data-error', '');
    expect(onError).toHaveBeenCalledTimes(1);
  });
});

describe('ConversationActions: move to group', () => {
  it('lists groups as checkbox items and adds or removes the conversation, keeping the menu open', async () => {
    const { user, get } = await setup(<ConversationActions id="C2Calice" />);
    await user.click(screen.getByRole('button', { name: 'Actions for Alice' }));
    const group = screen.getByRole('group', { name: 'Move to group' });
    const work = within(group).getByRole('menuitemcheckbox', { name: 'Work' });
    const family = within(group).getByRole('menuitemcheckbox', { name: 'Family' });
    expect(work).toHaveAttribute('aria-checked', 'true');
    expect(family).toHaveAttribute('aria-checked', 'false');
    await user.click(family);
    expect(family).toHaveAttribute('aria-checked', 'true');
    expect(get('C2Calice')?.groupNames).toEqual(['Work', 'Family']);
    expect(screen.getByRole('menu')).toBeInTheDocument();
    // Keyboard: Space toggles the focused item.
    work.focus();
    await user.keyboard(' ');
    expect(work).toHaveAttribute('aria-checked', 'false');
    await waitFor(() => expect(get('C2Calice')?.groupNames).toEqual(['Family']));
  });

  it('rolls back a failed move and shows why', async () => {
    const { user, memory, get } = await setup(<ConversationActions id="C2Calice" />);
    memory.failNext('addToGroup', new InboxError('ADAPTER_FAILED', 'Group service unavailable.'));
    await user.click(screen.getByRole('button', { name: 'Actions for Alice' }));
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Family' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Group service unavailable.');
    expect(screen.getByRole('menuitemcheckbox', { name: 'Family' })).toHaveAttribute('aria-checked', 'false');
    expect(get('C2Calice')?.groupNames).toEqual(['Work']);
  });
});

describe('ConversationActions: delete', () => {
  it('asks first, offers to clear the history, then deletes', async () => {
    const onDeleted = vi.fn();
    const { user, adapter, get } = await setup(<ConversationActions id="C2Calice" onDeleted={onDeleted} />);
    const remove = vi.spyOn(adapter, 'deleteConversations');
    await user.click(screen.getByRole('button', { name: 'Actions for Alice' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the conversation “Alice”?' });
    expect(dialog).toHaveAccessibleDescription('It is removed from your conversation list.');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    const clear = within(dialog).getByRole('checkbox', { name: 'Also clear the message history' });
    expect(clear).not.toBeChecked();
    await user.click(clear);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(remove).toHaveBeenCalledWith(['C2Calice'], { clearHistory: true });
    expect(get('C2Calice')).toBeUndefined();
    expect(onDeleted).toHaveBeenCalledWith('C2Calice');
  });

  it('keeps the history unless asked, and cancels with Escape returning focus to the trigger', async () => {
    const { user, adapter, get } = await setup(<ConversationActions id="C2Calice" />);
    const remove = vi.spyOn(adapter, 'deleteConversations');
    const trigger = screen.getByRole('button', { name: 'Actions for Alice' });
    await user.click(trigger);
    await user.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(trigger).toHaveFocus();
    expect(get('C2Calice')).toBeDefined();
    await user.click(trigger);
    await user.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(get('C2Calice')).toBeUndefined());
    expect(remove).toHaveBeenCalledWith(['C2Calice'], { clearHistory: false });
  });

  it('shows a failed delete in the dialog and brings the conversation back', async () => {
    const { user, memory, get } = await setup(<ConversationActions id="C2Calice" />);
    memory.failNext('deleteConversations', new InboxError('ADAPTER_FAILED', 'Delete refused by the server.'));
    await user.click(screen.getByRole('button', { name: 'Actions for Alice' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('alertdialog');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Delete refused by the server.');
    expect(get('C2Calice')?.title).toBe('Alice');
    expect(screen.getByRole('button', { name: 'Actions for Alice' })).toBeInTheDocument();
  });

  it('says "on this device" when the backend keeps the history on the server', async () => {
    const { user } = await setup(<ConversationActions id="C2Calice" />, { capabilities: { serverDelete: false } });
    await user.click(screen.getByRole('button', { name: 'Actions for Alice' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    expect(screen.getByRole('checkbox', { name: 'Also clear the message history on this device' })).toBeInTheDocument();
  });
});

describe('ConversationActions: controlled', () => {
  function Row({ onOpenChange }: { onOpenChange?: (open: boolean) => void }) {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" onKeyDown={(event) => event.key === 'F10' && event.shiftKey && setOpen(true)}>
          Alice row
        </button>
        <ConversationActions
          id="C2Calice"
          hideTrigger
          open={open}
          onOpenChange={(next) => {
            onOpenChange?.(next);
            setOpen(next);
          }}
        />
      </>
    );
  }

  it('opens when the parent says so, and gives focus back to the row it came from', async () => {
    const onOpenChange = vi.fn();
    const { user } = await setup(<Row onOpenChange={onOpenChange} />);
    expect(screen.queryByRole('button', { name: 'Actions for Alice' })).toBeNull();
    const row = screen.getByRole('button', { name: 'Alice row' });
    row.focus();
    await user.keyboard('{Shift>}{F10}{/Shift}');
    expect(screen.getByRole('menuitem', { name: 'Pin' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(row).toHaveFocus();
  });

  it('returns focus to the row after the delete confirmation is cancelled', async () => {
    const { user } = await setup(<Row />);
    const row = screen.getByRole('button', { name: 'Alice row' });
    row.focus();
    await user.keyboard('{Shift>}{F10}{/Shift}');
    await user.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(row).toHaveFocus();
  });

  it('moves focus in and back out the same way under StrictMode (effects run twice)', async () => {
    const { user } = await setup(
      <StrictMode>
        <ConversationActions id="C2Calice" />
      </StrictMode>,
    );
    const trigger = screen.getByRole('button', { name: 'Actions for Alice' });
    await user.click(trigger);
    expect(screen.getByRole('menuitem', { name: 'Pin' })).toHaveFocus();
    await user.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(trigger).toHaveFocus();
  });

  it('starts open with defaultOpen', async () => {
    await setup(<ConversationActions id="C2Cbob" defaultOpen />);
    expect(screen.getByRole('menu', { name: 'Actions for Bob' })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'Unpin' })).toHaveFocus();
  });
});

// ---------------------------------------------------------------------------------------------------
describe('controls: localization', () => {
  it('speaks Simplified Chinese', async () => {
    const { user, memory } = await setup(
      <>
        <PinButton id="C2Calice" />
        <MuteToggle id="C2Calice" />
        <DraftEditor id="C2Calice" debounceMs={60_000} />
        <ConversationActions id="C2Calice" />
      </>,
      { locale: 'zh-CN', capabilities: { serverDelete: false } },
    );
    expect(screen.getByRole('button', { name: '置顶' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '消息免打扰' })).toBeInTheDocument();
    memory.setLatency(IN_FLIGHT_MS);
    await user.type(screen.getByRole('textbox', { name: '草稿' }), '你好');
    await user.tab();
    expect(screen.getByRole('status')).toHaveTextContent('正在保存…');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('草稿已保存'));
    memory.setLatency(0);
    memory.failNext('setDraft', new InboxError('ADAPTER_FAILED', '离线'));
    await user.type(screen.getByRole('textbox', { name: '草稿' }), '!');
    await user.tab();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('草稿未保存：离线'));

    await user.click(screen.getByRole('button', { name: '“Alice”的操作' }));
    const menu = screen.getByRole('menu', { name: '“Alice”的操作' });
    expect(menuItemTexts(menu)).toEqual([
      '置顶',
      '消息免打扰',
      '标为已读',
      '标星',
      '折叠该聊天',
      '不显示该聊天',
      '✓Work',
      'Family',
      '用此会话新建分组…',
      '删除…',
    ]);
    expect(within(menu).getByRole('group', { name: '移至分组' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: '“Alice”的操作' }));
    await user.click(screen.getByRole('menuitem', { name: '删除…' }));
    const dialog = screen.getByRole('alertdialog', { name: '删除会话“Alice”？' });
    expect(dialog).toHaveAccessibleDescription('该会话将从会话列表中移除。');
    expect(within(dialog).getByRole('checkbox', { name: '同时清空本设备上的聊天记录' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '取消' })).toBeInTheDocument();
    memory.setLatency(IN_FLIGHT_MS);
    await user.click(within(dialog).getByRole('button', { name: '删除' }));
    expect(within(dialog).getByRole('button', { name: '正在删除…' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });

  it('speaks Simplified Chinese for pinned, muted and group-less states', async () => {
    const { user } = await setup(
      <>
        <ConversationActions id="C2Cbob" />
        <ConversationActions id="C2Ccarol" />
      </>,
      { locale: 'zh-CN', capabilities: { groups: 'none', maxPinned: 1, serverDelete: true } },
    );
    await user.click(screen.getByRole('button', { name: '“Bob”的操作' }));
    expect(screen.getByRole('menuitem', { name: '取消置顶' })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: '移至分组（不可用）' })).toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: '删除…' }));
    expect(screen.getByRole('checkbox', { name: '同时清空聊天记录' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: '“Carol”的操作' }));
    expect(screen.getByRole('menuitem', { name: '置顶（最多 1 个）' })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: '取消免打扰' })).toBeInTheDocument();
  });

  it('speaks Japanese', async () => {
    const { user, memory } = await setup(
      <>
        <PinButton id="C2Calice" />
        <MuteToggle id="C2Calice" />
        <DraftEditor id="C2Calice" debounceMs={60_000} />
        <ConversationActions id="C2Calice" />
        <ConversationActions id="C2Ccarol" />
      </>,
      { locale: 'ja', capabilities: { maxPinned: 1 } },
    );
    expect(screen.getByRole('button', { name: 'ピン留め' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '通知をオフ' })).toBeInTheDocument();
    memory.setLatency(IN_FLIGHT_MS);
    await user.type(screen.getByRole('textbox', { name: '下書き' }), 'こんにちは');
    await user.tab();
    expect(screen.getByRole('status')).toHaveTextContent('保存中…');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('下書きを保存しました'));
    memory.setLatency(0);
    memory.failNext('setDraft', new InboxError('ADAPTER_FAILED', 'オフライン'));
    await user.type(screen.getByRole('textbox', { name: '下書き' }), '!');
    await user.tab();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('下書きを保存できませんでした：オフライン'));

    await user.click(screen.getByRole('button', { name: '「Carol」の操作' }));
    expect(screen.getByRole('menuitem', { name: 'ピン留め（最大 1 件）' })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: '通知をオン' })).toBeInTheDocument();
    await user.keyboard('{Escape}');

    await user.click(screen.getByRole('button', { name: '「Alice」の操作' }));
    const menu = screen.getByRole('menu', { name: '「Alice」の操作' });
    expect(menuItemTexts(menu)).toEqual([
      'ピン留め（最大 1 件）',
      '通知をオフ',
      '既読にする',
      'スターを付ける',
      'このトークを折りたたむ',
      'リストから非表示',
      '✓Work',
      'Family',
      'この会話で新しいグループ…',
      '削除…',
    ]);
    expect(within(menu).getByRole('group', { name: 'グループに移動' })).toBeInTheDocument();
    await user.click(within(menu).getByRole('menuitem', { name: '削除…' }));
    const dialog = screen.getByRole('alertdialog', { name: '会話「Alice」を削除しますか？' });
    expect(dialog).toHaveAccessibleDescription('会話リストから削除されます。');
    expect(within(dialog).getByRole('checkbox', { name: 'メッセージ履歴も消去する' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'キャンセル' })).toBeInTheDocument();
    memory.failNext('deleteConversations', new InboxError('ADAPTER_FAILED', '失敗'));
    await user.click(within(dialog).getByRole('button', { name: '削除' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('失敗');
    await user.click(within(dialog).getByRole('button', { name: 'キャンセル' }));
    await user.click(screen.getByRole('button', { name: 'ピン留め' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('ピン留めできる会話は最大 1 件です。');
    expect(screen.getByRole('button', { name: '閉じる' })).toBeInTheDocument();
  });

  it('speaks Japanese when there are no groups', async () => {
    const { user } = await setup(<ConversationActions id="C2Calice" />, { locale: 'ja', groups: [] });
    await user.click(screen.getByRole('button', { name: '「Alice」の操作' }));
    expect(screen.getByRole('menuitem', { name: 'グループに移動（グループがありません）' })).toBeInTheDocument();
  });

  it('speaks Chinese when there are no groups, and Japanese when they are unsupported', async () => {
    const zh = await setup(<ConversationActions id="C2Calice" />, { locale: 'zh-CN', groups: [] });
    await zh.user.click(screen.getByRole('button', { name: '“Alice”的操作' }));
    expect(screen.getByRole('menuitem', { name: '移至分组（暂无分组）' })).toBeInTheDocument();
    zh.unmount();
    const ja = await setup(<ConversationActions id="C2Calice" />, { locale: 'ja', capabilities: { groups: 'none', serverDelete: false } });
    await ja.user.click(screen.getByRole('button', { name: '「Alice」の操作' }));
    expect(screen.getByRole('menuitem', { name: 'グループに移動（利用できません）' })).toBeInTheDocument();
    await ja.user.click(screen.getByRole('menuitem', { name: '削除…' }));
    expect(screen.getByRole('checkbox', { name: 'この端末のメッセージ履歴も消去する' })).toBeInTheDocument();
  });
});

// ---------------------------------------------------------------------------------------------------
describe('controls: accessibility', () => {
  it('has no axe violations for the buttons, the editor, an error, the open menu and the confirmation', async () => {
    const { user, memory, container } = await setup(
      <>
        <PinButton id="C2Calice" />
        <MuteToggle id="C2Calice" />
        <DraftEditor id="C2Calice" />
        <ConversationActions id="C2Calice" />
      </>,
    );
    expect(await axeViolations(container)).toEqual([]);
    memory.failNext('pin');
    await user.click(screen.getByRole('button', { name: 'Pin' }));
    await screen.findByRole('alert');
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Actions for Alice' }));
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('has no axe violations with disabled items and no groups', async () => {
    const { user, container } = await setup(<ConversationActions id="C2Ccarol" />, { capabilities: { groups: 'none', maxPinned: 1 } });
    await user.click(screen.getByRole('button', { name: 'Actions for Carol' }));
    expect(await axeViolations(container)).toEqual([]);
  });
});

