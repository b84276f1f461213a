import type { ComponentProps } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConversationList, InboxSettingsMenu } from '../src/index.js';
import { createMemoryGroupRegistry, createOpenIMAdapter } from '../src/adapters/openim/index.js';
import { createTencentAdapter } from '../src/adapters/tencent/index.js';
import { createFakeOpenIMSdk, createFakeTencentChat, FakeTencentCloudChat, fakeOpenIMTextMessage } from '../src/testing/fakes.js';
import { sourceCode } from './support/docs.js';
import { showcaseConversations } from './support/fixtures.js';
import { storyAdapter, storyServer, type InboxParameters } from './support/storyAdapter.js';
import { storyMessages, type StoryMessages } from './support/storyMessages.js';

const meta = {
  title: 'Controls/InboxSettingsMenu',
  component: InboxSettingsMenu,
  tags: ['autodocs'],
  parameters: {
    inbox: { conversations: () => showcaseConversations().slice(0, 5) } satisfies InboxParameters,
    docs: {
      description: {
        component: `A menu button for the account's settings: how messages of every conversation are received (radio
items from \`capabilities.globalReceiveModes\`, the current one checked: OpenIM's global receive option) and "Clear
all conversations…" after a confirmation (\`capabilities.clearAll\`). What the backend cannot do stays in the menu,
disabled, with the reason. A change shows at once; "Saving…" is said beside the trigger while the backend works, and
a refusal puts it back and says why. Build your own with \`useInboxSettings()\`.

\`\`\`tsx
import { InboxSettingsMenu, useInboxSettings } from 'inboxkit';

<header>
  <h1>Chats</h1>
  <InboxSettingsMenu onCleared={() => navigate('/inbox')} onError={(error) => report(error)} />
</header>
\`\`\``,
      },
    },
  },
  args: { onCleared: fn(), onError: fn() },
  render: function Render(props, context) {
    const t = storyMessages(context.globals);
    return (
      <div style={{ inlineSize: '100%', maxInlineSize: 480, display: 'grid', gap: 8 }}>
        <header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
          <h2 style={{ margin: 0, fontSize: 18 }}>{t('inbox.label')}</h2>
          <InboxSettingsMenu {...props} />
        </header>
        <ConversationList aria-label={t('list.label')} style={{ blockSize: 340 }} />
      </div>
    );
  },
} satisfies Meta<ComponentProps<typeof InboxSettingsMenu>>;

export default meta;
type Story = StoryObj<typeof meta>;

const trigger = (canvasElement: HTMLElement, t: StoryMessages) => within(canvasElement).findByRole('button', { name: t('settings.trigger') });
const rows = (canvasElement: HTMLElement) => canvasElement.querySelectorAll('.ik-ConversationItem');

/** Closed; the play function goes through the menu with what the story's backend offers. */
export const Default: Story = {
  parameters: sourceCode(`<InboxSettingsMenu />`),
  play: async ({ canvasElement, globals, loaded }) => {
    const t = storyMessages(globals);
    const { globalReceiveModes = [], clearAll } = storyAdapter({ loaded }).capabilities;
    const button = await trigger(canvasElement, t);
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(button);
    const menu = await within(document.body).findByRole('menu', { name: t('settings.menu') });
    const items = within(menu);
    if (globalReceiveModes.length > 0) {
      await expect(items.getAllByRole('menuitemradio')).toHaveLength(globalReceiveModes.length);
      await waitFor(() => expect(items.getByRole('menuitemradio', { name: t('settings.receive.none') })).toHaveAttribute('aria-checked', 'true'));
    } else {
      await expect(items.getByRole('menuitem', { name: t('settings.receive') })).toHaveAccessibleDescription(t('settings.unsupported'));
    }
    const clear = items.getByRole('menuitem', { name: t('settings.clearAll') });
    if (!clearAll) await expect(clear).toHaveAttribute('aria-disabled', 'true');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(document.body).queryByRole('menu')).toBeNull());
    await expect(button).toHaveFocus();
  },
};

/** Open on the receive options, the current one checked (on a backend that has them). */
export const Open: Story = {
  args: { defaultOpen: true },
  play: async ({ globals, loaded }) => {
    const t = storyMessages(globals);
    const menu = await within(document.body).findByRole('menu', { name: t('settings.menu') });
    if (!storyAdapter({ loaded }).capabilities.globalReceiveModes?.length) {
      await expect(within(menu).getByRole('menuitem', { name: t('settings.receive') })).toHaveAttribute('aria-disabled', 'true');
      return;
    }
    await expect(within(menu).getByRole('group', { name: t('settings.receive') })).toBeVisible();
    await waitFor(() => expect(within(menu).getByRole('menuitemradio', { name: t('settings.receive.none') })).toHaveAttribute('aria-checked', 'true'));
  },
};

/** The stories that change a setting: Tencent Cloud Chat's Web SDK has neither setting (see `OnTencentCloudChat`). */
const WITH_SETTINGS: InboxParameters = {
  ...meta.parameters.inbox,
  backends: ['memory', 'openim'],
  backendsReason: 'Tencent Cloud Chat has no account-wide receive option and no clear-all; OnTencentCloudChat shows the menu there',
};

/** Chosen from the keyboard on a slow server: the choice shows at once and "Saving…" is said until it is saved. */
export const ChooseFromKeyboard: Story = {
  parameters: { inbox: WITH_SETTINGS },
  play: async ({ canvasElement, globals, loaded }) => {
    const t = storyMessages(globals);
    const button = await trigger(canvasElement, t);
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(0));
    storyServer({ loaded }).setLatency(600);
    button.focus();
    await userEvent.keyboard('{ArrowDown}');
    const menu = await within(document.body).findByRole('menu');
    await waitFor(() => expect(within(menu).getByRole('menuitemradio', { name: t('settings.receive.none') })).toHaveAttribute('aria-checked', 'true'));
    // The second option, whichever it is on this backend.
    const chosen = within(menu).getAllByRole('menuitemradio')[1]!.dataset.mode as 'silent' | 'blocked' | 'silentExceptMention';
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(within(document.body).queryByRole('menu')).toBeNull());
    await expect(button).toHaveFocus();
    const status = within(canvasElement.querySelector<HTMLElement>('.ik-InboxSettingsMenu')!).getByRole('status');
    await expect(status).toHaveTextContent(t('settings.saving'));
    await waitFor(() => expect(status).toHaveTextContent(/^$/), { timeout: 5_000 });
    await userEvent.click(button);
    await expect(await within(document.body).findByRole('menuitemradio', { name: t(`settings.receive.${chosen}`) })).toHaveAttribute('aria-checked', 'true');
  },
};

/** The server refuses: the option is put back and the reason is said beside the trigger. */
export const ServerRefuses: Story = {
  parameters: { inbox: WITH_SETTINGS },
  play: async ({ canvasElement, globals, loaded, args }) => {
    const t = storyMessages(globals);
    storyServer({ loaded }).failNext('setGlobalReceiveOption');
    await userEvent.click(await trigger(canvasElement, t));
    await userEvent.click(await within(document.body).findByRole('menuitemradio', { name: t('settings.receive.blocked') }));
    const alert = await within(canvasElement).findByRole('alert');
    // The backend's own words follow; each backend words a refusal its way.
    await expect(alert).toHaveTextContent(t('settings.receiveFailed').split('{message}')[0]!.trim());
    await expect(args.onError).toHaveBeenCalled();
    await userEvent.click(await trigger(canvasElement, t));
    await expect(await within(document.body).findByRole('menuitemradio', { name: t('settings.receive.none') })).toHaveAttribute('aria-checked', 'true');
  },
};

/** Clear all conversations, after a confirmation whose Cancel has focus. */
export const ClearAll: Story = {
  parameters: { ...sourceCode(`<InboxSettingsMenu onCleared={() => console.log('cleared')} />`), inbox: WITH_SETTINGS },
  play: async ({ canvasElement, globals, args }) => {
    const t = storyMessages(globals);
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(0));
    await userEvent.click(await trigger(canvasElement, t));
    await userEvent.click(await within(document.body).findByRole('menuitem', { name: t('settings.clearAll') }));
    const dialog = await within(document.body).findByRole('alertdialog', { name: t('settings.clearAllTitle') });
    await expect(within(dialog).getByRole('button', { name: t('settings.cancel') })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: t('settings.clearAllConfirm') }));
    await expect(await within(canvasElement).findByText(t('list.empty'))).toBeVisible();
    await expect(args.onCleared).toHaveBeenCalled();
  },
};

/** A backend with neither setting: both stay in the menu, disabled, with the reason under each. */
export const BackendWithoutSettings: Story = {
  args: { defaultOpen: true },
  parameters: {
    inbox: {
      ...meta.parameters.inbox,
      memory: { globalReceiveModes: [], clearAll: false },
      backends: ['memory'],
      backendsReason: 'the story turns the settings off through the memory adapter’s options',
    } satisfies InboxParameters,
  },
  play: async ({ globals }) => {
    const t = storyMessages(globals);
    const menu = await within(document.body).findByRole('menu', { name: t('settings.menu') });
    for (const name of [t('settings.receive'), t('settings.clearAll')]) {
      const item = within(menu).getByRole('menuitem', { name });
      await expect(item).toHaveAttribute('aria-disabled', 'true');
      await expect(item).toHaveAccessibleDescription(t('settings.unsupported'));
    }
  },
};

/** On Tencent Cloud Chat (its Web SDK has no account-wide receive option and no clear-all): both disabled, saying why. */
export const OnTencentCloudChat: Story = {
  args: { defaultOpen: true },
  parameters: {
    inbox: {
      adapter: () =>
        createTencentAdapter({
          chat: createFakeTencentChat({
            throttleMs: 0,
            conversations: [
              {
                conversationID: 'C2Cmaya',
                unreadCount: 1,
                userProfile: { userID: 'maya', nick: 'Maya Chen', avatar: '' },
                lastMessage: { lastTime: Math.floor(Date.now() / 1000) - 120, messageForShow: 'See you at 3', fromAccount: 'maya' },
              },
            ],
          }),
          TencentCloudChat: FakeTencentCloudChat,
        }),
    } satisfies InboxParameters,
  },
  play: async ({ globals, loaded }) => {
    const t = storyMessages(globals);
    await expect(storyAdapter({ loaded }).name).toBe('tencent');
    const menu = await within(document.body).findByRole('menu', { name: t('settings.menu') });
    await expect(within(menu).getByRole('menuitem', { name: t('settings.receive') })).toHaveAccessibleDescription(t('settings.unsupported'));
    await expect(within(menu).getByRole('menuitem', { name: t('settings.clearAll') })).toHaveAccessibleDescription(t('settings.unsupported'));
  },
};

/** On OpenIM (its global receive option and hideAllConversations): three options, the current one checked. */
export const OnOpenIM: Story = {
  args: { defaultOpen: true },
  parameters: {
    inbox: {
      adapter: () =>
        createOpenIMAdapter({
          sdk: createFakeOpenIMSdk({
            selfUserId: 'me',
            conversations: [
              {
                conversationID: 'si_leo_me',
                conversationType: 1,
                userID: 'leo',
                showName: 'Leo Martin',
                unreadCount: 1,
                latestMsg: fakeOpenIMTextMessage('Did you see the demo?', Date.now() - 120_000),
                latestMsgSendTime: Date.now() - 120_000,
              },
            ],
          }),
          groupRegistry: createMemoryGroupRegistry(),
        }),
    } satisfies InboxParameters,
  },
  play: async ({ globals, loaded }) => {
    const t = storyMessages(globals);
    await expect(storyAdapter({ loaded }).name).toBe('openim');
    const menu = await within(document.body).findByRole('menu', { name: t('settings.menu') });
    await waitFor(() => expect(within(menu).getAllByRole('menuitemradio')).toHaveLength(3));
    await waitFor(() => expect(within(menu).getByRole('menuitemradio', { name: t('settings.receive.none') })).toHaveAttribute('aria-checked', 'true'));
    await expect(within(menu).getByRole('menuitem', { name: t('settings.clearAll') })).not.toHaveAttribute('aria-disabled');
  },
};
