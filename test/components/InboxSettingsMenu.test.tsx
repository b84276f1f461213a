/**
 * The settings menu and its hook (issue 16, Found 4): the account-wide receive option and clearing every
 * conversation, as store commands reached from the UI, on every backend, disabled with the reason where it lacks them.
 */
import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import { InboxSettingsMenu } from '../../src/components/InboxSettingsMenu/index.js';
import { InboxError } from '../../src/core/errors.js';
import { arMessages } from '../../src/locales/ar.js';
import { zhCNMessages } from '../../src/locales/zh-CN.js';
import { InboxProvider } from '../../src/react/InboxProvider.js';
import { useInboxSettings } from '../../src/react/useInboxSettings.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { AXE_TIMEOUT, axeViolations } from '../utils/axe.js';
import { makeStore, renderWithStore, withLocale } from '../utils/render.js';
import { CONTROLS_BACKENDS, renderOnBackend } from './controlsBackends.js';

const CONVERSATIONS = [makeConversation({ id: 'C2Ca', title: 'A', lastActivityAt: 2 }), makeConversation({ id: 'C2Cb', title: 'B', lastActivityAt: 1 })];

async function setup(ui: ReactNode, options: Omit<MemoryAdapterOptions, 'conversations'> = {}, locale = 'en') {
  const adapter: MemoryAdapter = createMemoryAdapter({ storage: null, conversations: CONVERSATIONS, ...options });
  const store = makeStore(adapter);
  await store.connect();
  const user = userEvent.setup();
  return { adapter, store, user, ...renderWithStore(<>{ui}</>, store, withLocale(locale)) };
}

const trigger = () => screen.getByRole('button', { name: 'Inbox settings' });
const radios = () => screen.getAllByRole('menuitemradio');

describe('InboxSettingsMenu: the receive option for every conversation', () => {
  it('lists the backend modes as radio items with the current one checked, and sets another at once', async () => {
    const { user, store, adapter } = await setup(<InboxSettingsMenu />, { globalReceiveModes: ['none', 'silent', 'blocked'] });
    expect(store.getState().globalReceiveOption).toBe('none');
    expect(trigger()).toHaveAttribute('aria-haspopup', 'menu');
    await user.click(trigger());
    const menu = screen.getByRole('menu', { name: 'Inbox settings' });
    const group = within(menu).getByRole('group', { name: 'Notifications for all conversations' });
    expect(within(group).getAllByRole('menuitemradio').map((item) => item.textContent)).toEqual([
      '●Receive and notify',
      'Receive without notifications',
      'Don’t receive messages',
    ]);
    expect(within(group).getByRole('menuitemradio', { name: 'Receive and notify' })).toHaveAttribute('aria-checked', 'true');
    expect(within(group).getByRole('menuitemradio', { name: 'Receive and notify' })).toHaveFocus();

    // The backend answers when the test says so.
    let answer!: () => void;
    const set = adapter.setGlobalReceiveOption.bind(adapter);
    adapter.setGlobalReceiveOption = (mode) => new Promise<void>((resolve) => (answer = resolve)).then(() => set(mode));
    await user.click(within(group).getByRole('menuitemradio', { name: 'Receive without notifications' }));
    // Shown at once, the menu closed and focus back on the trigger, "Saving…" said politely.
    expect(store.getState().globalReceiveOption).toBe('silent');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(trigger()).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Saving…');
    expect(screen.getByRole('button', { name: 'Inbox settings' }).closest('.ik-InboxSettingsMenu')).toHaveAttribute('data-pending', '');
    // Opened again while saving: the new mode is checked and says it is being saved.
    await user.click(trigger());
    const saving = screen.getByRole('menuitemradio', { name: 'Receive without notifications' });
    expect(saving).toHaveAttribute('aria-checked', 'true');
    expect(saving).toHaveAccessibleDescription('Saving…');
    await user.keyboard('{Escape}');
    await act(async () => answer());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^$/));
    expect(await adapter.getGlobalReceiveOption()).toBe('silent');
  });

  it('works from the keyboard: ArrowDown opens, arrows move, Enter chooses', async () => {
    const { user, store } = await setup(<InboxSettingsMenu />);
    trigger().focus();
    await user.keyboard('{ArrowDown}');
    expect(radios()[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await waitFor(() => expect(store.getState().globalReceiveOption).toBe('silentExceptMention'));
    expect(trigger()).toHaveFocus();
    trigger().focus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Clear all conversations…' })).toHaveFocus();
  });

  it('puts the option back when the backend refuses and says why beside the trigger, in the user language', async () => {
    const onError = vi.fn();
    const { user, store, adapter } = await setup(<InboxSettingsMenu onError={onError} />, {}, 'zh-CN');
    adapter.failNext('setGlobalReceiveOption', new InboxError('TIMEOUT', 'timed out (English)'));
    await user.click(screen.getByRole('button', { name: zhCNMessages['settings.trigger'] }));
    await user.click(screen.getByRole('menuitemradio', { name: zhCNMessages['settings.receive.blocked'] }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(zhCNMessages['settings.receiveFailed'].replace('{message}', zhCNMessages['controls.error.timeout']));
    expect(store.getState().globalReceiveOption).toBe('none');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'TIMEOUT' }));
    await user.click(within(alert).getByRole('button', { name: zhCNMessages['settings.dismiss'] }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is disabled with the reason where the backend has no such option', async () => {
    const { user, store } = await setup(<InboxSettingsMenu />, { globalReceiveModes: [] });
    await user.click(trigger());
    expect(screen.queryByRole('menuitemradio')).toBeNull();
    const item = screen.getByRole('menuitem', { name: 'Notifications for all conversations' });
    expect(item).toHaveAttribute('aria-disabled', 'true');
    expect(item).toHaveAccessibleDescription('Not supported by this chat service');
    await user.click(item);
    expect(screen.getByRole('menu')).toBeInTheDocument();
    expect(store.getState().globalReceiveOption).toBeUndefined();
  });
});

describe('InboxSettingsMenu: a backend with neither setting', () => {
  it('still takes focus into the menu, so that the reasons can be read and Escape closes it', async () => {
    const { user } = await setup(<InboxSettingsMenu />, { globalReceiveModes: [], clearAll: false });
    trigger().focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Notifications for all conversations' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Clear all conversations…' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(trigger()).toHaveFocus();
  });
});

describe('InboxSettingsMenu: clear all conversations', () => {
  it('asks first (Cancel focused), then clears the list and gives focus back to the trigger', async () => {
    const onCleared = vi.fn();
    const { user, store } = await setup(<InboxSettingsMenu onCleared={onCleared} />);
    await user.click(trigger());
    await user.click(screen.getByRole('menuitem', { name: 'Clear all conversations…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Clear all conversations?' });
    expect(dialog).toHaveAccessibleDescription('Every conversation leaves your list. Their messages are not deleted.');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Clear all' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(store.getState().lists.ids()).toEqual([]);
    expect(onCleared).toHaveBeenCalledTimes(1);
    expect(trigger()).toHaveFocus();
  });

  it('keeps everything when cancelled, and shows a refusal in the dialog with the conversations back', async () => {
    const { user, store, adapter } = await setup(<InboxSettingsMenu />, {}, 'ar');
    const open = async () => {
      await user.click(screen.getByRole('button', { name: arMessages['settings.trigger'] }));
      await user.click(screen.getByRole('menuitem', { name: arMessages['settings.clearAll'] }));
      return screen.getByRole('alertdialog', { name: arMessages['settings.clearAllTitle'] });
    };
    await user.click(within(await open()).getByRole('button', { name: arMessages['settings.cancel'] }));
    expect(store.getState().lists.ids()).toHaveLength(2);

    adapter.failNext('clearAllConversations', new InboxError('NOT_READY', 'not ready (English)'));
    const dialog = await open();
    await user.click(within(dialog).getByRole('button', { name: arMessages['settings.clearAllConfirm'] }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(arMessages['controls.error.notReady']);
    expect(store.getState().lists.ids()).toHaveLength(2);
  });

  it('is disabled with the reason where the backend cannot clear the list', async () => {
    const { user } = await setup(<InboxSettingsMenu />, { clearAll: false });
    await user.click(trigger());
    const item = screen.getByRole('menuitem', { name: 'Clear all conversations…' });
    expect(item).toHaveAttribute('aria-disabled', 'true');
    expect(item).toHaveAccessibleDescription('Not supported by this chat service');
    await user.click(item);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe.each(CONTROLS_BACKENDS)('InboxSettingsMenu on %s', (name) => {
  it('offers what the backend can do and disables the rest with the reason', async () => {
    const { user, store } = await renderOnBackend(name, () => <InboxSettingsMenu />);
    const { globalReceiveModes = [], clearAll } = store.getState().capabilities;
    await user.click(trigger());
    if (globalReceiveModes.length > 0) {
      expect(radios()).toHaveLength(globalReceiveModes.length);
      const other = globalReceiveModes.find((mode) => mode !== store.getState().globalReceiveOption)!;
      await user.click(radios()[globalReceiveModes.indexOf(other)]!);
      await waitFor(() => expect(store.getState().globalReceiveOption).toBe(other));
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^$/));
      expect(screen.queryByRole('alert')).toBeNull();
      await user.click(trigger());
    } else {
      expect(screen.getByRole('menuitem', { name: 'Notifications for all conversations' })).toHaveAccessibleDescription(
        'Not supported by this chat service',
      );
    }
    const clear = screen.getByRole('menuitem', { name: 'Clear all conversations…' });
    if (clearAll) {
      await user.click(clear);
      await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Clear all' }));
      await waitFor(() => expect(store.getState().lists.ids()).toEqual([]));
    } else {
      expect(clear).toHaveAccessibleDescription('Not supported by this chat service');
    }
  });
});

describe('useInboxSettings', () => {
  async function hook(options: Omit<MemoryAdapterOptions, 'conversations'> = {}) {
    const adapter: MemoryAdapter = createMemoryAdapter({ storage: null, conversations: CONVERSATIONS, ...options });
    const store = makeStore(adapter);
    await store.connect();
    const wrapper = ({ children }: { children: ReactNode }) => <InboxProvider store={store}>{children}</InboxProvider>;
    return { adapter, store, ...renderHook(() => useInboxSettings(), { wrapper }) };
  }

  it('gives the option, what the backend allows, and pending state while a change is saved', async () => {
    const { result, adapter } = await hook({ globalReceiveModes: ['none', 'silent'] });
    expect(result.current.globalReceiveOption).toBe('none');
    expect(result.current.globalReceiveModes).toEqual(['none', 'silent']);
    expect(result.current.canClearAll).toBe(true);
    adapter.setLatency(50);
    let done!: Promise<void>;
    act(() => {
      done = result.current.setGlobalReceiveOption('silent');
    });
    expect(result.current.globalReceiveOption).toBe('silent');
    expect(result.current.pendingReceiveOption).toBe('silent');
    await act(() => done);
    expect(result.current.pendingReceiveOption).toBeUndefined();
    expect(result.current.receiveOptionError).toBeUndefined();
  });

  it('rejects like the store and keeps the error until the next call or dismissError', async () => {
    const { result, adapter } = await hook();
    adapter.failNext('setGlobalReceiveOption');
    await act(() => expect(result.current.setGlobalReceiveOption('blocked')).rejects.toMatchObject({ code: 'ADAPTER_FAILED' }));
    expect(result.current.globalReceiveOption).toBe('none');
    expect(result.current.receiveOptionError?.code).toBe('ADAPTER_FAILED');
    await act(() => expect(result.current.setGlobalReceiveOption('unknown' as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' }));
    expect(result.current.receiveOptionError?.code).toBe('INVALID_ARGUMENT');
    act(() => result.current.dismissError());
    expect(result.current.receiveOptionError).toBeUndefined();

    adapter.failNext('clearAllConversations');
    await act(() => expect(result.current.clearAllConversations()).rejects.toMatchObject({ code: 'ADAPTER_FAILED' }));
    expect(result.current.clearError?.code).toBe('ADAPTER_FAILED');
    expect(result.current.isClearing).toBe(false);
  });

  it('leaves pending to the latest of overlapping calls', async () => {
    const { result, adapter } = await hook();
    const answers: (() => void)[] = [];
    const set = adapter.setGlobalReceiveOption.bind(adapter);
    adapter.setGlobalReceiveOption = (mode) => new Promise<void>((resolve) => answers.push(resolve)).then(() => set(mode));
    let first!: Promise<void>;
    let second!: Promise<void>;
    act(() => {
      first = result.current.setGlobalReceiveOption('silent');
    });
    act(() => {
      second = result.current.setGlobalReceiveOption('blocked');
    });
    await act(async () => {
      answers[0]!();
      await first;
    });
    expect(result.current.pendingReceiveOption).toBe('blocked');
    await act(async () => {
      answers[1]!();
      await second;
    });
    expect(result.current.pendingReceiveOption).toBeUndefined();
    expect(result.current.globalReceiveOption).toBe('blocked');
  });

  it('says NOT_SUPPORTED for a backend without the commands', async () => {
    const { result } = await hook({ globalReceiveModes: [], clearAll: false });
    expect(result.current.globalReceiveModes).toEqual([]);
    expect(result.current.canClearAll).toBe(false);
    await act(() => expect(result.current.setGlobalReceiveOption('silent')).rejects.toMatchObject({ code: 'NOT_SUPPORTED' }));
    await act(() => expect(result.current.clearAllConversations()).rejects.toMatchObject({ code: 'NOT_SUPPORTED' }));
  });
});

describe('InboxSettingsMenu: accessibility', () => {
  it('has no axe violations closed, open, with an error and with the confirmation open', async () => {
    const { user, adapter, container } = await setup(<InboxSettingsMenu />, { clearAll: false });
    expect(await axeViolations(container)).toEqual([]);
    adapter.failNext('setGlobalReceiveOption');
    await user.click(trigger());
    expect(await axeViolations(container)).toEqual([]);
    await user.click(radios()[1]!);
    await screen.findByRole('alert');
    expect(await axeViolations(container)).toEqual([]);
  }, AXE_TIMEOUT);

  it('has no axe violations with the clear-all confirmation open', async () => {
    const { user, container } = await setup(<InboxSettingsMenu />);
    await user.click(trigger());
    await user.click(screen.getByRole('menuitem', { name: 'Clear all conversations…' }));
    expect(await axeViolations(container)).toEqual([]);
  }, AXE_TIMEOUT);
});
