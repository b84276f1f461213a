import { useState, type ComponentProps } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { type Conversation, ConversationActions } from '../src/index.js';
import type { MemoryOperation } from '../src/adapters/memory/index.js';
import { ControlStage, useServerLatency } from './support/ControlStage.js';
import { sourceCode } from './support/docs.js';
import { mentionsOf, minutesAgo, storyConversation } from './support/fixtures.js';
import { storyServer, type InboxParameters } from './support/storyAdapter.js';
import { storyMessages, type StoryMessages } from './support/storyMessages.js';

const ID = 'GROUPrelease';

interface ActionsArgs {
  latencyMs: number;
  /** The operation the server refuses, every time it is asked. */
  failOperation: 'none' | MemoryOperation;
}

function seed(): Conversation[] {
  return [
    storyConversation({
      id: ID,
      kind: 'group',
      groupId: 'release',
      title: 'Release Train 🚆',
      unreadCount: 5,
      mentions: mentionsOf('me'),
      lastMessage: { preview: '@you can you approve the changelog?', senderName: 'Grace', sentAt: minutesAgo(6) },
      groupNames: ['Work'],
    }),
  ];
}

const withGroups: InboxParameters = {
  conversations: seed,
  groups: [
    { name: 'Work', conversationIds: [ID] },
    { name: 'Friends', conversationIds: [] },
    { name: '家人', conversationIds: [] },
  ],
};

function startsCommand(target: EventTarget): boolean {
  return target instanceof Element && target.closest('[role^="menuitem"], .ik-Dialog-confirm') !== null;
}

const meta = {
  title: 'Controls/ConversationActions',
  component: ConversationActions,
  tags: ['autodocs'],
  parameters: {
    inbox: withGroups,
    docs: {
      description: {
        component: `A menu button for one conversation: pin, mute, mark as read, group membership (checkbox
items, one per group) and delete, with a confirmation that can also clear the history. What the backend cannot do
is disabled. Every command is optimistic and its failure is shown inline with the backend's reason.

Keyboard: Enter, Space or ↓ open the menu on its first item (↑ on its last); arrows, Home/End and type-ahead move;
Enter or Space choose; Escape and Tab close and return focus to the trigger. In a \`ConversationList\` the row's
actions key opens it (\`hideTrigger\` with \`open\`/\`onOpenChange\`).

\`\`\`tsx
import { ConversationActions } from 'inboxkit';

<ConversationActions id={conversationId} onDeleted={(id) => navigate('/inbox')} onError={(error) => report(error)} />
\`\`\``,
      },
    },
  },
  argTypes: {
    latencyMs: { control: 'select', options: [0, 300, 1500], table: { category: 'Simulated server' } },
    failOperation: {
      control: 'select',
      options: ['none', 'pin', 'setMuteMode', 'markRead', 'addToGroup', 'removeFromGroup', 'deleteConversations'],
      description: 'The server refuses this operation every time.',
      table: { category: 'Simulated server' },
    },
    mutedMode: { control: 'radio', options: ['silent', 'silentExceptMention', 'blocked'] },
    id: { control: false },
  },
  args: { latencyMs: 0, failOperation: 'none', mutedMode: 'silent', id: ID, onDeleted: fn(), onError: fn() },
  render: function Render({ latencyMs, failOperation, ...props }, context) {
    const adapter = storyServer(context);
    useServerLatency(adapter, latencyMs);
    return (
      <ControlStage id={ID}>
        <div
          // Arm the failure when the user starts a command: a menu item or the dialog's confirm button.
          onClickCapture={(event) => {
            if (failOperation !== 'none' && startsCommand(event.target)) adapter.failNext(failOperation);
          }}
          onKeyDownCapture={(event) => {
            if (failOperation !== 'none' && (event.key === 'Enter' || event.key === ' ') && startsCommand(event.target)) {
              adapter.failNext(failOperation);
            }
          }}
        >
          <ConversationActions {...props} />
        </div>
      </ControlStage>
    );
  },
} satisfies Meta<ActionsArgs & ComponentProps<typeof ConversationActions>>;

export default meta;
type Story = StoryObj<typeof meta>;

const TITLE = 'Release Train 🚆';
const trigger = (canvasElement: HTMLElement, t: StoryMessages) => within(canvasElement).findByRole('button', { name: t('actions.trigger', { title: TITLE }) });

export const Menu: Story = {
  parameters: sourceCode(`<ConversationActions id="GROUPrelease" />`),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const button = await trigger(canvasElement, t);
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(button);
    const menu = await canvas.findByRole('menu', { name: t('actions.menu', { title: TITLE }) });
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const items = within(menu);
    await expect(items.getByRole('menuitem', { name: t('actions.pin') })).toHaveFocus();
    await expect(items.getByRole('menuitem', { name: t('actions.mute') })).toBeVisible();
    await expect(items.getByRole('menuitem', { name: t('actions.markRead') })).toBeVisible();
    await expect(items.getByRole('menuitemcheckbox', { name: 'Work' })).toHaveAttribute('aria-checked', 'true');
    await expect(items.getByRole('menuitemcheckbox', { name: 'Friends' })).toHaveAttribute('aria-checked', 'false');
    await expect(items.getByRole('menuitem', { name: t('actions.delete') })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('menu')).toBeNull());
    await expect(button).toHaveFocus();
  },
};

export const KeyboardPin: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const button = await trigger(canvasElement, t);
    button.focus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(await canvas.findByRole('menuitem', { name: t('actions.pin') })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    // The row is pinned and the menu closed, focus back on the trigger.
    await expect(await canvas.findByText(t('item.pinned'))).toBeInTheDocument();
    await waitFor(() => expect(canvas.queryByRole('menu')).toBeNull());
    await expect(button).toHaveFocus();
  },
};

export const MarkRead: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('item.mention.me'))).toBeVisible();
    await userEvent.click(await trigger(canvasElement, t));
    await userEvent.click(await canvas.findByRole('menuitem', { name: t('actions.markRead') }));
    await waitFor(() => expect(canvas.queryByText('5')).toBeNull());
    await expect(canvas.queryByText(t('item.mention.me'))).toBeNull();
  },
};

export const MoveToGroup: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await userEvent.click(await trigger(canvasElement, t));
    const friends = await canvas.findByRole('menuitemcheckbox', { name: 'Friends' });
    await userEvent.click(friends);
    // Checkbox items keep the menu open, so several groups can be toggled in a row.
    await waitFor(() => expect(friends).toHaveAttribute('aria-checked', 'true'));
    await expect(canvas.getByRole('menuitemcheckbox', { name: 'Work' })).toHaveAttribute('aria-checked', 'true');
    await userEvent.click(canvas.getByRole('menuitemcheckbox', { name: 'Work' }));
    await waitFor(() => expect(canvas.getByRole('menuitemcheckbox', { name: 'Work' })).toHaveAttribute('aria-checked', 'false'));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('menu')).toBeNull());
  },
};

export const NoGroups: Story = {
  parameters: { inbox: { conversations: () => seed().map((c) => ({ ...c, groupNames: [] })), groups: [] } satisfies InboxParameters },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await userEvent.click(await trigger(canvasElement, t));
    await expect(await canvas.findByRole('menuitem', { name: t('actions.noGroups') })).toHaveAttribute('aria-disabled', 'true');
  },
};

export const DeleteWithConfirmation: Story = {
  parameters: sourceCode(`<ConversationActions id="GROUPrelease" onDeleted={(id) => console.log('deleted', id)} />`),
  play: async ({ canvasElement, args, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await userEvent.click(await trigger(canvasElement, t));
    await userEvent.click(await canvas.findByRole('menuitem', { name: t('actions.delete') }));
    const dialog = await canvas.findByRole('alertdialog', { name: t('actions.deleteTitle', { title: TITLE }) });
    // Cancel has focus: a stray Enter never deletes.
    await expect(within(dialog).getByRole('button', { name: t('actions.cancel') })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: t('actions.clearHistory') }));
    await userEvent.click(within(dialog).getByRole('button', { name: t('actions.deleteConfirm') }));
    await waitFor(() => expect(canvasElement.querySelector('.ik-ConversationItem')).toHaveAttribute('data-missing'));
    await expect(args.onDeleted).toHaveBeenCalledWith(ID);
  },
};

export const DeleteCancelled: Story = {
  play: async ({ canvasElement, args, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await userEvent.click(await trigger(canvasElement, t));
    await userEvent.click(await canvas.findByRole('menuitem', { name: t('actions.delete') }));
    const dialog = await canvas.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: t('actions.cancel') }));
    await waitFor(() => expect(canvas.queryByRole('alertdialog')).toBeNull());
    await expect(canvas.getByText(TITLE)).toBeVisible();
    await expect(args.onDeleted).not.toHaveBeenCalled();
  },
};

export const ServerRefusesPin: Story = {
  args: { failOperation: 'pin', latencyMs: 300 },
  play: async ({ canvasElement, args, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await userEvent.click(await trigger(canvasElement, t));
    await userEvent.click(await canvas.findByRole('menuitem', { name: t('actions.pin') }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Injected failure of pin.');
    await expect(canvas.queryByText(t('item.pinned'))).toBeNull();
    await expect(args.onError).toHaveBeenCalled();
  },
};

/** Opened by something else (a list row's actions key): no trigger of its own. */
export const Controlled: Story = {
  render: function Render({ latencyMs: _latency, failOperation: _fail, ...props }) {
    const [open, setOpen] = useState(false);
    return (
      <ControlStage id={ID}>
        <button type="button" onClick={() => setOpen(true)}>
          Open actions
        </button>
        <ConversationActions {...props} hideTrigger open={open} onOpenChange={setOpen} />
      </ControlStage>
    );
  },
  parameters: sourceCode(`const [open, setOpen] = useState(false);
<ConversationActions id={id} hideTrigger open={open} onOpenChange={setOpen} />`),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const opener = await canvas.findByRole('button', { name: 'Open actions' });
    await userEvent.click(opener);
    await expect(await canvas.findByRole('menu')).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('menu')).toBeNull());
    // Focus returns to what opened it.
    await expect(opener).toHaveFocus();
  },
};

/** Mark as read, then unread (a dot on the row), and star: marks with their meaning, on every backend. */
export const MarksReadUnreadAndStar: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const item = canvasElement.querySelector('.ik-ConversationItem')!;
    await userEvent.click(await trigger(canvasElement, t));
    await userEvent.click(await canvas.findByRole('menuitem', { name: t('actions.markRead') }));
    await waitFor(() => expect(item).not.toHaveAttribute('data-unread'));
    await userEvent.click(await trigger(canvasElement, t));
    await userEvent.click(await canvas.findByRole('menuitem', { name: t('actions.markUnread') }));
    // Marked unread: a dot, no number.
    await waitFor(() => expect(canvasElement.querySelector('.ik-ConversationItem-unreadBadge')).toHaveAttribute('data-dot'));
    await userEvent.click(await trigger(canvasElement, t));
    await userEvent.click(await canvas.findByRole('menuitem', { name: t('actions.star') }));
    await expect(await canvas.findByText(t('item.starred'))).toBeInTheDocument();
    await userEvent.click(await trigger(canvasElement, t));
    await expect(await canvas.findByRole('menuitem', { name: t('actions.unstar') })).toBeVisible();
  },
};

/**
 * A new group that starts with this conversation: the name dialog, then `createGroup(name, [id])`. Made with a
 * conversation, it works on Tencent Cloud Chat too, where a group cannot be created empty.
 */
export const NewGroupFromRow: Story = {
  parameters: sourceCode(`<ConversationActions id={id} selectedIds={selection} /> // "New group from selection…" with two or more`),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await userEvent.click(await trigger(canvasElement, t));
    await userEvent.click(await canvas.findByRole('menuitem', { name: t('actions.newGroup') }));
    const dialog = await within(document.body).findByRole('dialog', { name: t('actions.newGroupTitle') });
    const input = within(dialog).getByRole('textbox', { name: t('groupTabs.nameLabel') });
    await expect(input).toHaveFocus();
    await userEvent.type(input, 'Launch');
    await userEvent.click(within(dialog).getByRole('button', { name: t('groupTabs.createSubmit') }));
    await waitFor(() => expect(within(document.body).queryByRole('dialog')).toBeNull());
    await userEvent.click(await trigger(canvasElement, t));
    await expect(await canvas.findByRole('menuitemcheckbox', { name: 'Launch' })).toHaveAttribute('aria-checked', 'true');
  },
};

/** A backend with only the star mark: the other marks stay in the menu, disabled, with the reason under each. */
export const MarksTheBackendLacks: Story = {
  args: { defaultOpen: true },
  parameters: {
    inbox: { ...withGroups, memory: { marks: ['star'] }, backends: ['memory'], backendsReason: 'the story narrows the marks through the memory adapter’s options' } satisfies InboxParameters,
  },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const menu = await within(canvasElement).findByRole('menu');
    for (const name of [t('actions.fold'), t('actions.hide')]) {
      const item = within(menu).getByRole('menuitem', { name });
      await expect(item).toHaveAttribute('aria-disabled', 'true');
      await expect(item).toHaveAccessibleDescription(t('actions.unsupported'));
    }
    await expect(within(menu).getByRole('menuitem', { name: t('actions.star') })).not.toHaveAttribute('aria-disabled');
  },
};
