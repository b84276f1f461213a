import { useState, type ComponentProps } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConversationList, groupTabId, GroupTabs } from '../src/index.js';
import { createMemoryAdapter } from '../src/adapters/memory/index.js';
import { docsOf, sourceCode } from './support/docs.js';
import { minutesAgo, SHOWCASE_GROUPS, showcaseConversations, storyConversation } from './support/fixtures.js';
import { groupTabsBackend } from './support/groupTabsBackends.js';
import { storyAdapter, storyMemoryAdapter, type InboxParameters } from './support/storyAdapter.js';
import { storyMessages, type StoryMessages } from './support/storyMessages.js';

type TabsArgs = ComponentProps<typeof GroupTabs> & {
  /** Width of the tab bar's container, to see overflow scrolling. */
  width: number;
};

const withShowcase: InboxParameters = {
  conversations: () => showcaseConversations(),
  groups: [...SHOWCASE_GROUPS, { name: '家人', conversationIds: [] }],
};

/** Twenty groups: the backend's limit. */
const atLimit: InboxParameters = {
  conversations: () => showcaseConversations().map((c) => ({ ...c, groupNames: [] })),
  groups: Array.from({ length: 20 }, (_, i) => ({ name: `Team ${i + 1}`, conversationIds: i === 0 ? ['C2Calice'] : [] })),
};

/** Stories that create a group with no conversation in it: Tencent refuses that (`FlowsOnTencent` creates one there). */
const CREATES_EMPTY: InboxParameters = {
  backends: ['memory', 'openim'],
  backendsReason: 'the play creates a group with no conversation in it, which Tencent does not allow (capabilities.emptyGroups is false)',
};

const meta = {
  title: 'Components/GroupTabs',
  component: GroupTabs,
  tags: ['autodocs'],
  parameters: {
    inbox: withShowcase,
    docs: {
      description: {
        component: `"All" plus one tab per conversation group ("folder"), each with its unread badge (capped at
\`maxBadgeCount\`; the tab's name says the real count). An ARIA \`tablist\` with roving focus: ←/→ (mirrored in
right-to-left), Home and End move and activate. The bar scrolls when it overflows.

Create, rename, delete and "Add or remove conversations" flows validate inline: the name's size is counted in
**UTF-8 bytes** (\`n/32\`; a Chinese or Japanese character takes 3), duplicates are refused, and the 20-group limit is
shown before the user tries. "New group" asks which conversations go in, with a searchable picker over the list
(starting from \`selectedIds\`); where the backend creates a group only with a conversation in it (Tencent,
\`capabilities.emptyGroups === false\`), Create waits for one and says why. The grouped-conversation limit blocks
further choices as it is reached, and what the backend still refuses is reported per conversation, in the user's
language. While pages remain, a count that may be short shows as "52+". On a tab, the ContextMenu key or Shift+F10
opens its menu, F2 renames and Delete deletes. The active group follows remote renames and falls back to All when it
is deleted.

\`\`\`tsx
import { ConversationList, GroupTabs } from 'inboxkit';

const [group, setGroup] = useState<string | null>(null);
<GroupTabs value={group} onValueChange={setGroup} panelId="conversations" />
<div id="conversations" role="tabpanel">
  <ConversationList groupName={group ?? undefined} />
</div>
\`\`\``,
      },
    },
  },
  argTypes: {
    width: { control: { type: 'range', min: 200, max: 900, step: 20 }, table: { category: 'Story' } },
    defaultValue: { control: 'select', options: [null, 'Work', 'Friends', '家人'] },
    isEditable: { control: 'boolean' },
    shouldShowScrollButtons: { control: 'boolean' },
    maxBadgeCount: { control: 'radio', options: [9, 99, 999] },
    dir: { control: 'radio', options: [undefined, 'ltr', 'rtl'] },
    value: { control: false },
  },
  args: { width: 560, isEditable: true, shouldShowScrollButtons: true, maxBadgeCount: 99, onValueChange: fn() },
  render: ({ width, ...props }) => (
    <div style={{ inlineSize: '100%', maxInlineSize: width }}>
      <GroupTabs {...props} />
    </div>
  ),
} satisfies Meta<TabsArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

const tablist = (canvasElement: HTMLElement, t: StoryMessages) => within(canvasElement).findByRole('tablist', { name: t('groupTabs.label') });
/** A tab's accessible name: its label, then the unread count in the locale's words (the badge is hidden from it). */
const tabName = (t: StoryMessages, label: string, count: number) => `${label} ${t('groupTabs.unreadSuffix', { count })}`;
/** A name that starts with `text`, for a tab whose unread count does not matter. */
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

export const Default: Story = {
  parameters: sourceCode(`<GroupTabs defaultValue={null} onValueChange={(group) => setGroup(group)} />`),
  play: async ({ canvasElement, args, globals }) => {
    const t = storyMessages(globals);
    const tabs = within(await tablist(canvasElement, t));
    // Unread totals follow the unread rule: the muted "Suppliers" does not count.
    const all = await tabs.findByRole('tab', { name: tabName(t, t('groupTabs.all'), 124) });
    await expect(all).toHaveAttribute('aria-selected', 'true');
    await expect(tabs.getByRole('tab', { name: tabName(t, 'Work', 3) })).toBeVisible();
    await expect(tabs.getByRole('tab', { name: '家人' })).toBeVisible();
    await userEvent.click(tabs.getByRole('tab', { name: tabName(t, 'Work', 3) }));
    await expect(tabs.getByRole('tab', { name: tabName(t, 'Work', 3) })).toHaveAttribute('aria-selected', 'true');
    await expect(args.onValueChange).toHaveBeenCalledWith('Work');
  },
};

export const UnreadOverflow: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const tabs = within(await tablist(canvasElement, t));
    const friends = await tabs.findByRole('tab', { name: tabName(t, 'Friends', 120) });
    await expect(friends).toHaveTextContent('99+');
    await expect(friends).toHaveAttribute('data-unread');
  },
};

export const RovingFocus: Story = {
  play: async ({ canvasElement, args, globals }) => {
    const t = storyMessages(globals);
    const tabs = within(await tablist(canvasElement, t));
    const all = await tabs.findByRole('tab', { name: startsWith(t('groupTabs.all')) });
    // One tab stop: only the active tab is tabbable.
    await expect(all).toHaveAttribute('tabindex', '0');
    await expect(tabs.getByRole('tab', { name: /^Work/ })).toHaveAttribute('tabindex', '-1');
    all.focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(tabs.getByRole('tab', { name: /^Work/ })).toHaveFocus();
    await expect(tabs.getByRole('tab', { name: /^Work/ })).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{End}');
    await expect(tabs.getByRole('tab', { name: '家人' })).toHaveFocus();
    await userEvent.keyboard('{Home}');
    await expect(all).toHaveFocus();
    await expect(args.onValueChange).toHaveBeenLastCalledWith(null);
  },
};

/** Right to left, in Arabic (the toolbar's automatic locale for RTL). */
export const RightToLeft: Story = {
  globals: { direction: 'rtl' },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const tabs = within(await tablist(canvasElement, t));
    const all = await tabs.findByRole('tab', { name: startsWith(t('groupTabs.all')) });
    all.focus();
    // Mirrored: the next tab is to the left.
    await userEvent.keyboard('{ArrowLeft}');
    await expect(tabs.getByRole('tab', { name: /^Work/ })).toHaveFocus();
    await expect(tabs.getByRole('tab', { name: /^Work/ }).getBoundingClientRect().right).toBeLessThan(all.getBoundingClientRect().left + 1);
  },
};

export const CreateWithByteCounter: Story = {
  parameters: { ...sourceCode(`<GroupTabs isEditable />`), inbox: CREATES_EMPTY },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('groupTabs.create') }));
    const dialog = await canvas.findByRole('dialog', { name: t('groupTabs.createTitle') });
    const field = within(dialog).getByRole('textbox', { name: t('groupTabs.nameLabel') });
    await expect(field).toHaveFocus();
    await expect(within(dialog).getByText(t('groupTabs.count', { count: 3, max: 20 }))).toBeVisible();
    // Eleven CJK characters: 33 UTF-8 bytes, one over the limit.
    await userEvent.type(field, '深圳研发中心前端架构组');
    await expect(within(dialog).getByText(t('groupTabs.counter', { count: 33, max: 32 }))).toBeVisible();
    await expect(within(dialog).getByRole('alert')).toHaveTextContent(t('groupTabs.errorTooLong', { max: 32 }));
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await userEvent.type(field, '{Backspace}');
    await expect(within(dialog).getByText(t('groupTabs.counter', { count: 30, max: 32 }))).toBeVisible();
    await expect(field).not.toHaveAttribute('aria-invalid');
    await userEvent.click(within(dialog).getByRole('button', { name: t('groupTabs.createSubmit') }));
    const tabs = within(await tablist(canvasElement, t));
    await expect(await tabs.findByRole('tab', { name: '深圳研发中心前端架构' })).toBeVisible();
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
  },
};

export const DuplicateName: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('groupTabs.create') }));
    const dialog = await canvas.findByRole('dialog', { name: t('groupTabs.createTitle') });
    await userEvent.type(within(dialog).getByRole('textbox', { name: t('groupTabs.nameLabel') }), 'Work');
    await expect(within(dialog).getByRole('alert')).toHaveTextContent(t('groupTabs.errorDuplicate', { name: 'Work' }));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(canvas.getByRole('button', { name: t('groupTabs.create') })).toHaveFocus();
  },
};

export const EmptyName: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('groupTabs.create') }));
    const dialog = await canvas.findByRole('dialog', { name: t('groupTabs.createTitle') });
    // No error before the user tries, then a clear one.
    await expect(within(dialog).queryByRole('alert')).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: t('groupTabs.createSubmit') }));
    await expect(within(dialog).getByRole('alert')).toHaveTextContent(t('groupTabs.errorEmpty'));
  },
};

export const RenameFromMenu: Story = {
  args: { defaultValue: 'Work' },
  play: async ({ canvasElement, args, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('groupTabs.options', { name: 'Work' }) }));
    await userEvent.click(await canvas.findByRole('menuitem', { name: t('groupTabs.rename') }));
    const dialog = await canvas.findByRole('dialog', { name: t('groupTabs.renameTitle', { name: 'Work' }) });
    const field = within(dialog).getByRole('textbox', { name: t('groupTabs.nameLabel') });
    await expect(field).toHaveValue('Work');
    await userEvent.clear(field);
    await userEvent.type(field, 'R&D');
    await userEvent.click(within(dialog).getByRole('button', { name: t('groupTabs.renameSubmit') }));
    const tabs = within(await tablist(canvasElement, t));
    const renamed = await tabs.findByRole('tab', { name: tabName(t, 'R&D', 3) });
    // The renamed group stays active.
    await expect(renamed).toHaveAttribute('aria-selected', 'true');
    await expect(args.onValueChange).toHaveBeenCalledWith('R&D');
  },
};

export const DeleteWithKeyboard: Story = {
  args: { defaultValue: '家人' },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const tabs = within(await tablist(canvasElement, t));
    const tab = await tabs.findByRole('tab', { name: '家人' });
    tab.focus();
    await userEvent.keyboard('{Delete}');
    const dialog = await canvas.findByRole('alertdialog', { name: t('groupTabs.deleteTitle', { name: '家人' }) });
    await expect(within(dialog).getByText(t('groupTabs.deleteBody'))).toBeVisible();
    await userEvent.click(within(dialog).getByRole('button', { name: t('groupTabs.deleteConfirm') }));
    await waitFor(() => expect(tabs.queryByRole('tab', { name: '家人' })).toBeNull());
    await expect(tabs.getByRole('tab', { name: startsWith(t('groupTabs.all')) })).toHaveAttribute('aria-selected', 'true');
  },
};

export const RenameWithF2: Story = {
  args: { defaultValue: 'Friends' },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const tabs = within(await tablist(canvasElement, t));
    (await tabs.findByRole('tab', { name: /^Friends/ })).focus();
    await userEvent.keyboard('{F2}');
    await expect(await canvas.findByRole('dialog', { name: t('groupTabs.renameTitle', { name: 'Friends' }) })).toBeVisible();
  },
};

export const LimitReached: Story = {
  parameters: { inbox: atLimit },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const create = await canvas.findByRole('button', { name: t('groupTabs.create') });
    // Shown before the user tries.
    await expect(create).toHaveAttribute('aria-disabled', 'true');
    await expect(create).toHaveAccessibleDescription(t('groupTabs.limitReached', { max: 20 }));
    await userEvent.click(create);
    await expect(canvas.queryByRole('dialog')).toBeNull();
  },
};

export const Overflow: Story = {
  args: { width: 300 },
  parameters: { inbox: atLimit },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const root = canvasElement.querySelector('.ik-GroupTabs')!;
    await waitFor(() => expect(root).toHaveAttribute('data-overflowing'));
    const tabs = within(await tablist(canvasElement, t));
    (await tabs.findByRole('tab', { name: startsWith(t('groupTabs.all')) })).focus();
    await userEvent.keyboard('{End}');
    // The active tab is scrolled into view.
    const last = tabs.getByRole('tab', { name: 'Team 20' });
    await waitFor(() => expect(last).toHaveAttribute('aria-selected', 'true'));
    await expect(last).toHaveFocus();
    const viewport = canvasElement.querySelector('.ik-GroupTabs-viewport')!.getBoundingClientRect();
    // The strip scrolls there smoothly: give it time on a busy machine (it took over 1 s beside a screenshot run).
    await waitFor(() => expect(last.getBoundingClientRect().right).toBeLessThanOrEqual(viewport.right + 1), { timeout: 5000 });
  },
};

export const ServerRefusesCreate: Story = {
  parameters: { inbox: { ...withShowcase, failNext: ['createGroup'], ...CREATES_EMPTY } satisfies InboxParameters },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('groupTabs.create') }));
    const dialog = await canvas.findByRole('dialog', { name: t('groupTabs.createTitle') });
    await userEvent.type(within(dialog).getByRole('textbox', { name: t('groupTabs.nameLabel') }), 'Suppliers');
    await userEvent.click(within(dialog).getByRole('button', { name: t('groupTabs.createSubmit') }));
    // Rolled back, and the dialog stays open with the reason.
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('Injected failure of createGroup.');
    await expect(within(await tablist(canvasElement, t)).queryByRole('tab', { name: 'Suppliers' })).toBeNull();
  },
};

export const RemoteChanges: Story = {
  args: { defaultValue: 'Work' },
  parameters: {
    ...docsOf(
      'Groups created, renamed and deleted on another device. When the active group disappears, the tabs show All.',
      `adapter.simulate.groupCreated('Clients');
adapter.simulate.groupRenamed('Friends', 'Pals');
adapter.simulate.groupDeleted('Work');`,
    ),
    inbox: { backends: ['memory'], backendsReason: "the changes come through the memory adapter's simulator" } satisfies InboxParameters,
  },
  play: async (context) => {
    const t = storyMessages(context.globals);
    const { canvasElement } = context;
    const tabs = within(await tablist(canvasElement, t));
    await expect(await tabs.findByRole('tab', { name: /^Work/ })).toHaveAttribute('aria-selected', 'true');
    const adapter = storyMemoryAdapter(context);
    adapter.simulate.groupCreated('Clients');
    await expect(await tabs.findByRole('tab', { name: 'Clients' })).toBeVisible();
    adapter.simulate.groupRenamed('Friends', 'Pals');
    await expect(await tabs.findByRole('tab', { name: /^Pals/ })).toBeVisible();
    await expect(tabs.queryByRole('tab', { name: /^Friends/ })).toBeNull();
    adapter.simulate.groupDeleted('Work');
    await waitFor(() => expect(tabs.getByRole('tab', { name: startsWith(t('groupTabs.all')) })).toHaveAttribute('aria-selected', 'true'));
    await expect(tabs.queryByRole('tab', { name: /^Work/ })).toBeNull();
  },
};

export const ReadOnly: Story = {
  args: { isEditable: false },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await tablist(canvasElement, t);
    await expect(canvas.queryByRole('button', { name: t('groupTabs.create') })).toBeNull();
    await expect(canvas.queryByRole('button', { name: /^Options/ })).toBeNull();
  },
};

export const BackendWithoutGroups: Story = {
  parameters: {
    inbox: {
      adapter: () => {
        const inner = createMemoryAdapter({ conversations: [storyConversation({ id: 'C2Csolo', title: 'Solo' })] });
        return { ...inner, capabilities: { ...inner.capabilities, groups: 'none' } };
      },
    } satisfies InboxParameters,
  },
  render: ({ width, ...props }) => (
    <div style={{ inlineSize: '100%', maxInlineSize: width }}>
      <GroupTabs {...props} />
      <p>GroupTabs renders nothing when the backend has no groups.</p>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/renders nothing/)).toBeVisible();
    await expect(canvas.queryByRole('tablist')).toBeNull();
  },
};

export const Chinese: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const tabs = within(await canvas.findByRole('tablist', { name: '会话分组' }));
    await expect(await tabs.findByRole('tab', { name: /^全部/ })).toBeVisible();
  },
};

function TabsWithList({ width, defaultValue, onValueChange, ...props }: TabsArgs) {
  const [group, setGroup] = useState<string | null>(defaultValue ?? null);
  return (
    <div style={{ inlineSize: '100%', maxInlineSize: Math.max(width, 380), display: 'grid', gap: 8 }}>
      <GroupTabs
        {...props}
        id="tabs-demo"
        panelId="tabs-demo-panel"
        value={group}
        onValueChange={(next) => {
          setGroup(next);
          onValueChange?.(next);
        }}
      />
      <div id="tabs-demo-panel" role="tabpanel" aria-labelledby={groupTabId('tabs-demo', group)} style={{ height: 360 }}>
        <ConversationList groupName={group ?? undefined} />
      </div>
    </div>
  );
}

export const WithList: Story = {
  render: (args) => <TabsWithList {...args} />,
  parameters: sourceCode(`const [group, setGroup] = useState<string | null>(null);
<GroupTabs id="tabs" value={group} onValueChange={setGroup} panelId="panel" />
<div id="panel" role="tabpanel" aria-labelledby={groupTabId('tabs', group)}>
  <ConversationList groupName={group ?? undefined} />
</div>`),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const tabs = within(await tablist(canvasElement, t));
    await userEvent.click(await tabs.findByRole('tab', { name: /^Work/ }));
    const panel = canvas.getByRole('tabpanel', { name: /^Work/ });
    await waitFor(() => expect(panel.querySelectorAll('[role="row"]')).toHaveLength(2));
    await userEvent.click(tabs.getByRole('tab', { name: '家人' }));
    await expect(await within(canvas.getByRole('tabpanel')).findByText(t('list.emptyGroup'))).toBeVisible();
  },
};

/**
 * Create (choosing what goes in), rename, fill and delete a group through the UI, as a user does. Where the backend
 * creates a group only with a conversation in it (Tencent), Create first waits for one, saying why.
 */
const groupFlows: Story['play'] = async (context) => {
  const { canvasElement, globals } = context;
  const t = storyMessages(globals);
  const needsOne = storyAdapter(context).capabilities.emptyGroups === false;
  const canvas = within(canvasElement);
  const tabs = within(await tablist(canvasElement, t));
  await tabs.findByRole('tab', { name: startsWith('Work') });
  const panel = canvas.getByRole('tabpanel');
  const optionsOf = (name: string) => canvas.getByRole('button', { name: t('groupTabs.options', { name }) });

  await userEvent.click(canvas.getByRole('button', { name: t('groupTabs.create') }));
  const create = await canvas.findByRole('dialog', { name: t('groupTabs.createTitle') });
  await userEvent.type(within(create).getByRole('textbox', { name: t('groupTabs.nameLabel') }), 'Clients');
  const submit = within(create).getByRole('button', { name: t('groupTabs.createSubmit') });
  if (needsOne) {
    await expect(submit).toHaveAttribute('aria-disabled', 'true');
    await expect(submit).toHaveAccessibleDescription(t('groupTabs.pickerRequired'));
  } else {
    await expect(submit).not.toHaveAttribute('aria-disabled');
  }
  await userEvent.type(within(create).getByRole('searchbox', { name: t('groupTabs.pickerSearch') }), 'ravi');
  await userEvent.click(await within(create).findByRole('option', { name: 'Ravi Patel' }));
  await expect(submit).not.toHaveAttribute('aria-disabled');
  await userEvent.click(submit);
  await expect(await tabs.findByRole('tab', { name: 'Clients' })).toHaveAttribute('aria-selected', 'true');
  await waitFor(() => expect(within(panel).getByText('Ravi Patel')).toBeVisible());

  await userEvent.click(optionsOf('Clients'));
  await userEvent.click(await canvas.findByRole('menuitem', { name: t('groupTabs.rename') }));
  const rename = await canvas.findByRole('dialog', { name: t('groupTabs.renameTitle', { name: 'Clients' }) });
  const field = within(rename).getByRole('textbox', { name: t('groupTabs.nameLabel') });
  await userEvent.clear(field);
  await userEvent.type(field, 'Customers{Enter}');
  await expect(await tabs.findByRole('tab', { name: 'Customers' })).toHaveAttribute('aria-selected', 'true');

  await userEvent.click(optionsOf('Customers'));
  await userEvent.click(await canvas.findByRole('menuitem', { name: t('groupTabs.editMembers') }));
  const members = await canvas.findByRole('dialog', { name: t('groupTabs.membersTitle', { name: 'Customers' }) });
  await expect(within(members).getByRole('option', { name: 'Ravi Patel' })).toHaveAttribute('aria-selected', 'true');
  await userEvent.click(within(members).getByRole('option', { name: '佐藤 健太' }));
  await userEvent.click(within(members).getByRole('button', { name: t('groupTabs.renameSubmit') }));
  await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
  await expect(await tabs.findByRole('tab', { name: tabName(t, 'Customers', 1) })).toBeVisible();
  await waitFor(() => expect(within(panel).getByText('佐藤 健太')).toBeVisible());

  await userEvent.click(optionsOf('Customers'));
  await userEvent.click(await canvas.findByRole('menuitem', { name: t('groupTabs.delete') }));
  const confirm = await canvas.findByRole('alertdialog', { name: t('groupTabs.deleteTitle', { name: 'Customers' }) });
  await userEvent.click(within(confirm).getByRole('button', { name: t('groupTabs.deleteConfirm') }));
  await waitFor(() => expect(tabs.queryByRole('tab', { name: startsWith('Customers') })).toBeNull());
  await expect(tabs.getByRole('tab', { name: startsWith(t('groupTabs.all')) })).toHaveAttribute('aria-selected', 'true');
};

const FLOWS_SOURCE = `// Whatever the backend: "New group" asks which conversations go in (required where
// capabilities.emptyGroups is false), and each group's menu offers "Add or remove conversations".
<GroupTabs id="tabs" value={group} onValueChange={setGroup} panelId="panel" selectedIds={selectedIds} />`;

export const FlowsOnMemory: Story = {
  render: (args) => <TabsWithList {...args} />,
  parameters: { inbox: groupTabsBackend('memory'), ...sourceCode(FLOWS_SOURCE) },
  play: groupFlows,
};

export const FlowsOnTencent: Story = {
  render: (args) => <TabsWithList {...args} />,
  parameters: { inbox: groupTabsBackend('tencent'), ...sourceCode(FLOWS_SOURCE) },
  play: groupFlows,
};

export const FlowsOnOpenIM: Story = {
  render: (args) => <TabsWithList {...args} />,
  parameters: { inbox: groupTabsBackend('openim'), ...sourceCode(FLOWS_SOURCE) },
  play: groupFlows,
};

/** The app's selection (`selectedIds`) is where "New group" starts: chosen, and listed first. */
export const NewGroupFromSelection: Story = {
  args: { selectedIds: ['C2Cken', 'GROUPall'] },
  parameters: sourceCode(`<GroupTabs selectedIds={['C2Cken', 'GROUPall']} />`),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('groupTabs.create') }));
    const dialog = await canvas.findByRole('dialog', { name: t('groupTabs.createTitle') });
    const options = within(within(dialog).getByRole('listbox', { name: t('groupTabs.pickerLabel') })).getAllByRole('option');
    await expect(options[0]).toHaveAccessibleName('佐藤 健太郎');
    await expect(options[1]).toHaveAccessibleName('Company announcements 📣');
    await expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await expect(options[1]).toHaveAttribute('aria-selected', 'true');
    await expect(within(dialog).getByText(t('groupTabs.pickerChosen', { count: 2 }))).toBeVisible();
    await userEvent.keyboard('{Escape}');
  },
};

/**
 * A backend that allows four conversations in groups (Tencent allows 1000), with four grouped: a conversation in no
 * group cannot be added, and says why before the user tries; taking one out frees room.
 */
export const GroupedConversationLimit: Story = {
  args: { defaultValue: 'Work' },
  parameters: {
    inbox: {
      adapter: () => {
        const inner = createMemoryAdapter({ storage: null, conversations: showcaseConversations(), groups: SHOWCASE_GROUPS });
        return { ...inner, capabilities: { ...inner.capabilities, maxGroupedConversations: 4 } };
      },
    } satisfies InboxParameters,
  },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('groupTabs.options', { name: 'Work' }) }));
    await userEvent.click(await canvas.findByRole('menuitem', { name: t('groupTabs.editMembers') }));
    const dialog = await canvas.findByRole('dialog', { name: t('groupTabs.membersTitle', { name: 'Work' }) });
    const ken = within(dialog).getByRole('option', { name: '佐藤 健太郎' });
    await expect(ken).toHaveAttribute('aria-disabled', 'true');
    await expect(ken).toHaveAccessibleDescription(t('groupTabs.groupedLimit', { count: 4, max: 4 }));
    // Acme Suppliers leaves its only group: room for one more.
    await userEvent.click(within(dialog).getByRole('option', { name: 'Acme Suppliers' }));
    await expect(ken).not.toHaveAttribute('aria-disabled');
    await userEvent.keyboard('{Escape}');
  },
};

/**
 * Sixty conversations in Work, one unread each, loaded 20 at a time by a backend that counts no unread per group: until
 * every page is in, Work's count may be short, and says so ("20+", "20 or more unread"). All shows the backend's own
 * total, exact from the first page on.
 */
export const PartialCounts: Story = {
  args: { maxBadgeCount: 999 },
  parameters: {
    inbox: {
      adapter: () => {
        const conversations = Array.from({ length: 60 }, (_, i) =>
          storyConversation({ id: `C2Cpeer${i}`, title: `Peer ${i + 1}`, unreadCount: 1, lastActivityAt: minutesAgo(i + 1), groupNames: ['Work'] }),
        );
        const inner = createMemoryAdapter({ storage: null, conversations, groups: [{ name: 'Work', conversationIds: [] }, { name: 'Friends', conversationIds: [] }] });
        return { ...inner, loadGroups: async () => (await inner.loadGroups()).map(({ name, conversationIds }) => ({ name, conversationIds })) };
      },
      storeOptions: { pageSize: 20 },
    } satisfies InboxParameters,
  },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const tabs = within(await tablist(canvasElement, t));
    const work = await tabs.findByRole('tab', { name: `Work ${t('groupTabs.unreadSuffixPartial', { count: 20 })}` });
    await expect(work).toHaveTextContent(t('groupTabs.partialBadge', { count: 20 }));
    await expect(tabs.getByRole('tab', { name: tabName(t, t('groupTabs.all'), 60) })).not.toHaveAttribute('data-unread-partial');
  },
};
