import type { ComponentProps } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { type Conversation, DraftEditor } from '../src/index.js';
import { ControlStage, useServerLatency } from './support/ControlStage.js';
import { sourceCode } from './support/docs.js';
import { minutesAgo, storyConversation } from './support/fixtures.js';
import { storyServer, type InboxParameters } from './support/storyAdapter.js';
import { storyMessages } from './support/storyMessages.js';

const ID = 'C2Cken';

interface DraftArgs {
  /** The draft on the server when the story loads. */
  startDraft: string;
  /** Every adapter call waits this long. */
  latencyMs: number;
  /** The server rejects every save. */
  failSaves: boolean;
}

function seed(args: DraftArgs): Conversation[] {
  return [
    storyConversation({
      id: ID,
      title: '佐藤 健太',
      lastMessage: { preview: '明日の打ち合わせは10時からです', sentAt: minutesAgo(20) },
      ...(args.startDraft ? { draft: { text: args.startDraft, updatedAt: minutesAgo(2) } } : {}),
    }),
  ];
}

const meta = {
  title: 'Controls/DraftEditor',
  component: DraftEditor,
  tags: ['autodocs'],
  parameters: {
    inbox: { conversations: (args) => seed(args as DraftArgs) } satisfies InboxParameters,
    docs: {
      description: {
        component: `A labelled textarea bound to \`useDraft(id)\`. Typing is instant; the draft is saved after
\`debounceMs\` of quiet and at once on blur, on unmount and when the page is hidden. The saving state is announced
politely ("Saving…", "Draft saved", or why it failed). The row above shows the draft with its "[Draft]" prefix.

\`\`\`tsx
import { DraftEditor } from 'inboxkit';

<DraftEditor id={conversationId} debounceMs={300} rows={3} />
\`\`\``,
      },
    },
  },
  argTypes: {
    startDraft: { control: 'text', description: 'Draft on the server when the story loads.', table: { category: 'Simulated server' } },
    latencyMs: { control: 'select', options: [0, 300, 1500], table: { category: 'Simulated server' } },
    failSaves: { control: 'boolean', description: 'The server rejects every save.', table: { category: 'Simulated server' } },
    debounceMs: { control: 'select', options: [0, 150, 500, 2000] },
    id: { control: false },
  },
  args: { startDraft: '', latencyMs: 0, failSaves: false, debounceMs: 150, id: ID, rows: 3 },
  render: function Render({ startDraft: _startDraft, latencyMs, failSaves, ...props }, context) {
    const adapter = storyServer(context);
    useServerLatency(adapter, latencyMs);
    return (
      <ControlStage id={ID}>
        <DraftEditor
          {...props}
          style={{ width: '100%' }}
          // Arm a failure for the save that the next pause (or blur) starts.
          onChange={failSaves ? () => adapter.failNext('setDraft', undefined, { times: 1 }) : undefined}
        />
      </ControlStage>
    );
  },
} satisfies Meta<DraftArgs & ComponentProps<typeof DraftEditor>>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  parameters: sourceCode(`<DraftEditor id="C2Cken" debounceMs={150} rows={3} />`),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const field = await canvas.findByRole('textbox', { name: t('draftEditor.label') });
    await expect(field).toHaveValue('');
    await expect(canvas.queryByText(t('item.draft'))).toBeNull();
    await userEvent.type(field, 'I will send the slides tonight');
    await expect(await canvas.findByText(t('draftEditor.saved'))).toBeInTheDocument();
    // The row shows the draft with its prefix.
    await expect(canvas.getByText(t('item.draft'))).toBeVisible();
    await expect(canvas.getByText('I will send the slides tonight', { selector: 'bdi' })).toBeVisible();
  },
};

export const ExistingDraft: Story = {
  args: { startDraft: '了解です、あとで' },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const field = await canvas.findByRole('textbox', { name: t('draftEditor.label') });
    await waitFor(() => expect(field).toHaveValue('了解です、あとで'));
    await expect(canvas.getByText(t('item.draft'))).toBeVisible();
    // Clearing the text clears the draft, and the row shows the last message again.
    await userEvent.clear(field);
    await waitFor(() => expect(canvas.queryByText(t('item.draft'))).toBeNull());
    await expect(canvas.getByText('明日の打ち合わせは10時からです')).toBeVisible();
  },
};

export const SavesOnBlur: Story = {
  args: { debounceMs: 2000 },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const field = await canvas.findByRole('textbox', { name: t('draftEditor.label') });
    await userEvent.type(field, 'Back in 5');
    await expect(field.closest('.ik-DraftEditor')).toHaveAttribute('data-status', 'dirty');
    await userEvent.tab();
    await expect(await canvas.findByText(t('draftEditor.saved'))).toBeInTheDocument();
    await expect(canvas.getByText(t('item.draft'))).toBeVisible();
  },
};

export const SlowSave: Story = {
  args: { latencyMs: 1500 },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const field = await canvas.findByRole('textbox', { name: t('draftEditor.label') });
    await userEvent.type(field, 'Almost done');
    await expect(await canvas.findByText(t('draftEditor.saving'))).toBeInTheDocument();
    await expect(await canvas.findByText(t('draftEditor.saved'), undefined, { timeout: 4000 })).toBeInTheDocument();
  },
};

export const SaveFails: Story = {
  args: { failSaves: true },
  parameters: {
    inbox: {
      backends: ['memory', 'tencent'],
      backendsReason: 'the play expects the failure\'s exact text, and the OpenIM adapter words an SDK failure its own way ("OpenIM setConversationDraft failed (…)")',
    } satisfies InboxParameters,
  },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const field = await canvas.findByRole('textbox', { name: t('draftEditor.label') });
    await userEvent.type(field, 'x');
    await expect(await canvas.findByText(t('draftEditor.failed', { message: 'Injected failure of setDraft.' }))).toBeVisible();
    // The text the user typed is kept.
    await expect(field).toHaveValue('x');
  },
};

export const Japanese: Story = {
  globals: { locale: 'ja' },
  args: { startDraft: 'その件ですが、' },
  play: async ({ canvasElement, globals }) => {
    // The story pins its locale to ja; the strings still come from the table.
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('textbox', { name: t('draftEditor.label') })).toHaveValue('その件ですが、');
    await expect(canvas.getByText(t('item.draft'))).toBeVisible();
  },
};
