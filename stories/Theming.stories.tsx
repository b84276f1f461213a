import type { CSSProperties } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { ConversationList } from '../src/index.js';
import { sourceCode } from './support/docs.js';
import { SHOWCASE_GROUPS, showcaseConversations } from './support/fixtures.js';
import type { InboxParameters } from './support/storyAdapter.js';
import { storyMessages } from './support/storyMessages.js';

/** Inline custom properties: only `--ik-*` keys. */
type IkVariables = CSSProperties & Record<`--ik-${string}`, string>;

interface BrandArgs {
  accent: string;
  badge: string;
  selectedRow: string;
  rowHeight: 56 | 64 | 76;
  avatarShape: 'round' | 'rounded square' | 'square';
  font: 'system' | 'serif' | 'monospace';
}

const AVATAR_RADIUS: Record<BrandArgs['avatarShape'], string> = { round: '9999px', 'rounded square': '12px', square: '2px' };
const FONTS: Record<BrandArgs['font'], string> = {
  system: 'system-ui, sans-serif',
  serif: 'Georgia, "Noto Serif CJK SC", serif',
  monospace: 'ui-monospace, "Noto Sans Mono CJK SC", monospace',
};

/** The brand, as a product team would write it: custom properties and nothing else. */
function brandVariables(args: BrandArgs): IkVariables {
  return {
    '--ik-color-accent': args.accent,
    '--ik-color-focus-ring': args.accent,
    '--ik-color-badge-bg': args.badge,
    '--ik-color-row-selected': args.selectedRow,
    '--ik-row-height': `${args.rowHeight}px`,
    '--ik-avatar-radius': AVATAR_RADIUS[args.avatarShape],
    '--ik-font-family': FONTS[args.font],
  };
}

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

const meta = {
  title: 'Theming/Re-brand with variables',
  tags: ['autodocs'],
  parameters: {
    inbox: { conversations: () => showcaseConversations(), groups: SHOWCASE_GROUPS } satisfies InboxParameters,
    docs: {
      description: {
        component: `The same list twice: on the left the default theme, on the right a brand made of \`--ik-*\`
custom properties alone — no class names, no selectors, no component props. The kit's stylesheet lives in the
\`inboxkit\` cascade layer, so any unlayered rule (or inline style) of the app wins.

\`\`\`css
/* your app's CSS, after importing 'inboxkit/styles.css' */
.acme-inbox {
  --ik-color-accent: #0f766e;
  --ik-color-badge-bg: #c2410c;
  --ik-color-row-selected: #ccfbf1;
  --ik-row-height: 76px;
  --ik-avatar-radius: 12px;
}
\`\`\``,
      },
    },
  },
  argTypes: {
    accent: { control: 'color', description: '`--ik-color-accent` (draft prefix, focus ring).' },
    badge: { control: 'color', description: '`--ik-color-badge-bg`.' },
    selectedRow: { control: 'color', description: '`--ik-color-row-selected`.' },
    rowHeight: { control: 'radio', options: [56, 64, 76], description: '`--ik-row-height` in px.' },
    avatarShape: { control: 'radio', options: ['round', 'rounded square', 'square'], description: '`--ik-avatar-radius`.' },
    font: { control: 'select', options: ['system', 'serif', 'monospace'], description: '`--ik-font-family`.' },
  },
  args: { accent: '#0f766e', badge: '#c2410c', selectedRow: '#ccfbf1', rowHeight: 76, avatarShape: 'rounded square', font: 'system' },
  render: (args) => (
    <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap' }}>
      <div style={{ flex: '1 1 300px', maxInlineSize: 420, height: 460 }} data-testid="default-pane">
        <ConversationList aria-label="Default theme" defaultSelectedId="C2Calice" />
      </div>
      <div style={{ flex: '1 1 300px', maxInlineSize: 420, height: 460, ...brandVariables(args) }} data-testid="brand-pane">
        <ConversationList aria-label="Branded" defaultSelectedId="C2Calice" />
      </div>
    </div>
  ),
} satisfies Meta<BrandArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const VariablesOnly: Story = {
  parameters: sourceCode(`<div style={{ '--ik-color-accent': '#0f766e', '--ik-color-badge-bg': '#c2410c', '--ik-row-height': '76px' }}>
  <ConversationList />
</div>`),
  play: async ({ canvasElement, args, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const defaultPane = within(canvas.getByTestId('default-pane'));
    const brandPane = within(canvas.getByTestId('brand-pane'));
    await defaultPane.findByRole('grid', { name: 'Default theme' });
    await brandPane.findByRole('grid', { name: 'Branded' });
    const badgeOf = (pane: typeof canvas) => pane.getByText('99+').closest<HTMLElement>('.ik-ConversationItem-unreadBadge')!;
    await waitFor(() => expect(badgeOf(brandPane)).toBeVisible());

    // The computed colours changed, from the variables alone.
    const defaultBadge = getComputedStyle(badgeOf(defaultPane)).backgroundColor;
    const brandBadge = getComputedStyle(badgeOf(brandPane)).backgroundColor;
    await expect(brandBadge).toBe(rgb(args.badge));
    await expect(brandBadge).not.toBe(defaultBadge);
    await expect(getComputedStyle(brandPane.getByText(t('item.draft'))).color).toBe(rgb(args.accent));
    await expect(getComputedStyle(defaultPane.getByText(t('item.draft'))).color).not.toBe(rgb(args.accent));

    // Size tokens too: taller rows, square-ish avatars.
    const brandRow = brandPane.getByText('R&D 研发部').closest<HTMLElement>('.ik-ConversationItem')!;
    await expect(brandRow.getBoundingClientRect().height).toBeGreaterThanOrEqual(args.rowHeight - 0.5);
    await expect(getComputedStyle(brandPane.getByText('R&D 研发部').closest('.ik-ConversationItem')!.querySelector('.ik-ConversationItem-avatar')!).borderTopLeftRadius).toBe('12px');

    // And nothing but custom properties was set on the branded pane.
    const style = canvas.getByTestId('brand-pane').style;
    const custom = Array.from(style).filter((property) => property.startsWith('--'));
    await expect(custom.every((property) => property.startsWith('--ik-'))).toBe(true);
    await expect(custom.length).toBe(7);
  },
};

export const DarkBrand: Story = {
  args: { accent: '#5eead4', badge: '#c2410c', selectedRow: '#0b3b37' },
  render: (args) => (
    <div data-theme="dark" style={{ inlineSize: '100%', maxInlineSize: 420, height: 460, ...brandVariables(args) }} data-testid="brand-pane">
      <ConversationList aria-label="Branded dark" defaultSelectedId="C2Calice" />
    </div>
  ),
  parameters: sourceCode(`<div data-theme="dark" style={{ '--ik-color-accent': '#5eead4', '--ik-color-row-selected': '#0b3b37' }}>
  <ConversationList />
</div>`),
  play: async ({ canvasElement, args, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await canvas.findByRole('grid', { name: 'Branded dark' });
    // `data-theme="dark"` on any element switches the palette below it; the brand variables still apply.
    const list = canvasElement.querySelector<HTMLElement>('.ik-ConversationList')!;
    const [r, g, b] = getComputedStyle(list).backgroundColor.match(/\d+/g)!.map(Number);
    await expect(r! + g! + b!).toBeLessThan(150);
    await expect(getComputedStyle(await canvas.findByText(t('item.draft'))).color).toBe(rgb(args.accent));
    const selected = canvasElement.querySelector<HTMLElement>('.ik-ConversationItem[data-selected]')!;
    await expect(getComputedStyle(selected).backgroundColor).toBe(rgb(args.selectedRow));
  },
};

/** Styling by state: the documented data attributes, in the app's own (unlayered) CSS. */
export const StateAttributes: Story = {
  render: () => (
    <div className="acme-states" style={{ inlineSize: '100%', maxInlineSize: 420, height: 460 }}>
      <style>{`
        .acme-states .ik-ConversationItem[data-mentioned] { box-shadow: inset 3px 0 0 #be185d; }
        .acme-states .ik-ConversationItem[data-muted] .ik-ConversationItem-title { font-style: italic; }
        .acme-states .ik-ConversationItem[data-pinned] { --ik-color-row-pinned: #fef9c3; }
      `}</style>
      <ConversationList aria-label="Styled by state" />
    </div>
  ),
  parameters: sourceCode(`.ik-ConversationItem[data-mentioned] { box-shadow: inset 3px 0 0 #be185d; }
.ik-ConversationItem[data-muted] .ik-ConversationItem-title { font-style: italic; }
.ik-ConversationItem[data-pinned] { --ik-color-row-pinned: #fef9c3; }`),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('grid', { name: 'Styled by state' });
    const pinned = (await canvas.findByText('R&D 研发部')).closest<HTMLElement>('.ik-ConversationItem')!;
    await expect(getComputedStyle(pinned).backgroundColor).toBe('rgb(254, 249, 195)');
    await expect(getComputedStyle(pinned).boxShadow).toContain('inset');
    const muted = canvas.getByText('Acme Suppliers');
    await expect(getComputedStyle(muted).fontStyle).toBe('italic');
  },
};

/** The toolbar's "Indigo" theme: the same idea, as a stylesheet block of `--ik-*` variables (`.storybook/storybook.css`). */
export const IndigoFromTheToolbar: Story = {
  globals: { theme: 'indigo' },
  render: () => (
    <div style={{ inlineSize: '100%', maxInlineSize: 420, height: 460 }}>
      <ConversationList aria-label="Indigo brand" defaultSelectedId="C2Calice" />
    </div>
  ),
  parameters: sourceCode(`[data-brand='indigo'] {
  --ik-color-accent: #4338ca;
  --ik-color-badge-bg: #4f46e5;
  --ik-color-row-selected: #e0e7ff;
  --ik-avatar-radius: 12px;
  --ik-row-height: 68px;
}`),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('grid', { name: 'Indigo brand' });
    const badge = (await canvas.findByText('99+')).closest<HTMLElement>('.ik-ConversationItem-unreadBadge')!;
    await expect(getComputedStyle(badge).backgroundColor).toBe('rgb(79, 70, 229)');
    const selected = canvasElement.querySelector<HTMLElement>('.ik-ConversationItem[data-selected]')!;
    await expect(getComputedStyle(selected).backgroundColor).toBe('rgb(224, 231, 255)');
  },
};
