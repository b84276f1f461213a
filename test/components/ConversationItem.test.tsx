import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory/index.js';
import {
  ConversationItem,
  ConversationItemAvatar,
  formatConversationTime,
  getInitials,
  avatarColorIndex,
  useConversationItemState,
  type ConversationItemComponents,
} from '../../src/components/ConversationItem/index.js';
import { InGridContext } from '../../src/components/internal/hooks.js';
import { InboxError } from '../../src/core/errors.js';
import { InboxProvider } from '../../src/react/InboxProvider.js';
import type { InboxStore } from '../../src/core/store.js';
import type { Conversation } from '../../src/core/types.js';
import { AXE_TIMEOUT, axeViolations } from '../utils/axe.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore, renderWithStore, withLocale } from '../utils/render.js';

// Friday 15 March 2024, 14:30 local time: every date below is built in local time, so any time zone works.
const NOW = new Date(2024, 2, 15, 14, 30).getTime();

function conv(id: string, title: string, extra: Partial<Conversation> = {}): Conversation {
  return makeConversation({ id, title, lastActivityAt: NOW - 60_000, lastMessage: { preview: 'Hello there', sentAt: NOW - 60_000 }, ...extra });
}

async function setup(conversations: Conversation[], ui: (store: InboxStore) => ReactNode, locale = 'en') {
  const adapter = createMemoryAdapter({ conversations });
  const store = makeStore(adapter);
  await store.connect();
  const view = renderWithStore(<>{ui(store)}</>, store, withLocale(locale));
  return { adapter, store, ...view };
}

const root = (container: HTMLElement) => container.querySelector<HTMLElement>('.ik-ConversationItem')!;
const part = (container: HTMLElement, name: string) => container.querySelector<HTMLElement>(`.ik-ConversationItem-${name}`);

describe('ConversationItem parts and state attributes', () => {
  it('renders every default part with its stable class and writes the row state as present/absent data attributes', async () => {
    const { container } = await setup(
      [
        conv('GROUPdev', 'Dev team', {
          kind: 'group',
          isPinned: true,
          muteMode: 'silent',
          unreadCount: 4,
          mentions: [{ kind: 'me' }],
          draft: { text: 'half-typed', updatedAt: NOW },
          avatarUrl: 'https://cdn.example.com/dev.png',
        }),
      ],
      () => <ConversationItem id="GROUPdev" now={NOW} />,
    );
    const el = root(container);
    for (const attribute of ['data-pinned', 'data-muted', 'data-unread', 'data-mentioned', 'data-has-draft']) {
      expect(el).toHaveAttribute(attribute, '');
    }
    for (const attribute of ['data-selected', 'data-focused', 'data-focus-visible', 'data-pending', 'data-failed', 'data-readonly']) {
      expect(el).not.toHaveAttribute(attribute);
    }
    expect(el).toHaveAttribute('data-kind', 'group');
    for (const name of ['avatar', 'title', 'time', 'preview', 'unreadBadge', 'pinIndicator', 'muteIndicator']) {
      expect(part(container, name), name).not.toBeNull();
    }
    expect(part(container, 'pendingIndicator')).toBeNull();
    expect(part(container, 'failureNotice')).toBeNull();
  });

  it('reflects selection and keyboard focus passed by the list', async () => {
    const { container, rerender, store } = await setup([conv('C2Calice', 'Alice')], () => <ConversationItem id="C2Calice" />);
    rerender(<ItemInProvider store={store} isSelected isFocused isFocusVisible />);
    const el = root(container);
    expect(el).toHaveAttribute('data-selected', '');
    expect(el).toHaveAttribute('data-focused', '');
    expect(el).toHaveAttribute('data-focus-visible', '');
  });

  it('calls className and style functions with the render state and always keeps the default class', async () => {
    const { container } = await setup([conv('C2Calice', 'Alice', { isPinned: true, unreadCount: 2 })], () => (
      <ConversationItem
        id="C2Calice"
        className={({ isPinned, isUnread }) => `mine ${isPinned ? 'is-pinned' : ''} ${isUnread ? 'is-unread' : ''}`}
        style={({ isPinned }) => ({ borderInlineStart: isPinned ? '3px solid red' : undefined })}
      />
    ));
    const el = root(container);
    expect(el).toHaveClass('ik-ConversationItem', 'mine', 'is-pinned', 'is-unread');
    expect(el.style.borderInlineStart).toBe('3px solid red');
  });

  it('replaces a part through `components`, and lets children compose the parts freely', async () => {
    function BadgeWithCount() {
      const { conversation } = useConversationItemState();
      return <b data-testid="custom-badge">{conversation?.unreadCount} new</b>;
    }
    const components: ConversationItemComponents = { UnreadBadge: BadgeWithCount, Avatar: () => null };
    const { container } = await setup([conv('C2Calice', 'Alice', { unreadCount: 7 })], () => (
      <>
        <ConversationItem id="C2Calice" components={components} />
        <ConversationItem id="C2Calice" data-testid="composed">
          <ConversationItem.Title>{({ conversation }) => `~ ${conversation!.title} ~`}</ConversationItem.Title>
        </ConversationItem>
      </>
    ));
    expect(screen.getByTestId('custom-badge')).toHaveTextContent('7 new');
    expect(container.querySelectorAll('.ik-ConversationItem-avatar')).toHaveLength(0);
    const composed = screen.getByTestId('composed');
    expect(composed).toHaveTextContent('~ Alice ~');
    expect(within(composed).queryByText('Hello there')).toBeNull();
  });

  it('renders an empty root marked data-missing for an id the store does not hold', async () => {
    const { container } = await setup([conv('C2Calice', 'Alice')], () => <ConversationItem id="C2Cnobody" />);
    expect(root(container)).toHaveAttribute('data-missing', '');
    expect(root(container)).toBeEmptyDOMElement();
  });

  it("in a list's row, keeps a deleted conversation's look without rendering until the list drops the row; it comes back as usual", async () => {
    let commits = 0;
    const { adapter, store, container } = await setup([conv('C2Calice', 'Alice'), conv('C2Cben', 'Ben')], () => (
      <Profiler id="row" onRender={() => commits++}>
        <InGridContext.Provider value={true}>
          <ConversationItem id="C2Calice" />
        </InGridContext.Provider>
      </Profiler>
    ));
    const before = commits;
    await act(() => store.getState().actions.deleteConversation('C2Calice'));
    expect(store.getState().conversations.has('C2Calice')).toBe(false);
    // No render at all: the list takes the row away in its next render, so an empty row would never be seen.
    expect(commits).toBe(before);
    expect(root(container)).not.toHaveAttribute('data-missing');
    expect(part(container, 'title')).toHaveTextContent('Alice');
    // A new message brings it back (as the SDKs do): a change like any other.
    act(() => void adapter.simulate.message('C2Calice', { preview: 'Back again' }));
    await screen.findByText('Back again');
    expect(commits).toBeGreaterThan(before);
  });

  it('outside a list, shows a deleted conversation as missing at once', async () => {
    const { store, container } = await setup([conv('C2Calice', 'Alice')], () => <ConversationItem id="C2Calice" />);
    await act(() => store.getState().actions.deleteConversation('C2Calice'));
    expect(root(container)).toHaveAttribute('data-missing', '');
  });

  it('throws a message naming the part when a part is used outside a row', () => {
    expect(() => render(<ConversationItemAvatar />)).toThrow(/<ConversationItem.Avatar> must be used within <ConversationItem.Root>/);
  });
});

describe('ConversationItem text is text, never HTML', () => {
  it('renders titles, sender names, previews and drafts containing markup literally', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const { container } = await setup(
      [
        conv('GROUPx', evil, { kind: 'group', lastMessage: { preview: evil, senderName: evil, sentAt: NOW } }),
        conv('C2Cy', 'Y', { draft: { text: evil, updatedAt: NOW } }),
      ],
      () => (
        <>
          <ConversationItem id="GROUPx" now={NOW} />
          <ConversationItem id="C2Cy" now={NOW} />
        </>
      ),
    );
    expect(container.querySelector('.ik-ConversationItem img[onerror], b')).toBeNull();
    expect(part(container, 'title')).toHaveTextContent(evil);
    expect(container.querySelector('.ik-ConversationItem-sender')).toHaveTextContent(evil);
    expect(screen.getAllByText(evil, { selector: '.ik-ConversationItem-previewText' })).toHaveLength(2);
  });
});

describe('ConversationItem.Time', () => {
  const at = (...args: [number, number, number, number?, number?]) => new Date(...(args as [number, number, number, number, number])).getTime();
  const cases: [string, number, Record<'en' | 'zh-CN' | 'ja', RegExp | string>][] = [
    ['today: the time', at(2024, 2, 15, 9, 5), { en: /^9:05\sAM$/u, 'zh-CN': '9:05', ja: '9:05' }],
    ['yesterday: the weekday', at(2024, 2, 14, 23, 59), { en: 'Thu', 'zh-CN': '星期四', ja: '木曜日' }],
    ['6 days ago: still the weekday', at(2024, 2, 9, 8, 0), { en: 'Sat', 'zh-CN': '星期六', ja: '土曜日' }],
    ['7 days ago, this year: month and day', at(2024, 2, 8, 8, 0), { en: 'Mar 8', 'zh-CN': '3月8日', ja: '3月8日' }],
    ['January this year', at(2024, 0, 2), { en: 'Jan 2', 'zh-CN': '1月2日', ja: '1月2日' }],
    ['last year: the full date', at(2023, 10, 20), { en: '11/20/2023', 'zh-CN': '2023/11/20', ja: '2023/11/20' }],
  ];

  for (const [label, time, expected] of cases) {
    for (const locale of ['en', 'zh-CN', 'ja'] as const) {
      it(`${label} (${locale})`, async () => {
        const { container } = await setup(
          [conv('C2Calice', 'Alice', { lastActivityAt: time, lastMessage: { preview: 'hi', sentAt: time } })],
          () => <ConversationItem id="C2Calice" now={NOW} />,
          locale,
        );
        const el = part(container, 'time')!;
        expect(el.tagName).toBe('TIME');
        expect(el).toHaveAttribute('datetime', new Date(time).toISOString());
        const text = el.textContent ?? '';
        if (typeof expected[locale] === 'string') expect(text).toBe(expected[locale]);
        else expect(text).toMatch(expected[locale]);
      });
    }
  }

  it('crosses the year boundary by calendar days: 30 December is a weekday on 3 January', () => {
    const now = new Date(2024, 0, 3, 10, 0).getTime();
    expect(formatConversationTime(new Date(2023, 11, 30, 18, 0).getTime(), now, 'en')).toEqual({ text: 'Sat', range: 'week' });
    expect(formatConversationTime(new Date(2023, 11, 27, 18, 0).getTime(), now, 'en')).toEqual({ text: '12/27/2023', range: 'older' });
  });

  it('writes the rule that applied as data-range and a full date as the title', async () => {
    const { container } = await setup([conv('C2Calice', 'Alice')], () => <ConversationItem id="C2Calice" now={NOW} />);
    expect(part(container, 'time')).toHaveAttribute('data-range', 'today');
    expect(part(container, 'time')!.title).toMatch(/March 15, 2024/);
  });
});

describe('ConversationItem.Preview', () => {
  it('prefixes the sender name in group chats only', async () => {
    const { container } = await setup(
      [
        conv('GROUPdev', 'Dev', { kind: 'group', lastMessage: { preview: 'Ship it', senderName: 'Alice', sentAt: NOW } }),
        conv('C2Cbob', 'Bob', { lastMessage: { preview: 'Hi', senderName: 'Bob', sentAt: NOW } }),
      ],
      () => (
        <>
          <ConversationItem id="GROUPdev" data-testid="group" />
          <ConversationItem id="C2Cbob" data-testid="direct" />
        </>
      ),
    );
    expect(within(screen.getByTestId('group')).getByText('Ship it').closest('.ik-ConversationItem-preview')).toHaveTextContent('Alice: Ship it');
    expect(container.querySelectorAll('.ik-ConversationItem-sender')).toHaveLength(1);
    expect(within(screen.getByTestId('direct')).getByText('Hi').closest('.ik-ConversationItem-preview')).toHaveTextContent(/^Hi$/);
  });

  for (const [locale, prefix] of [
    ['en', '[Draft]'],
    ['zh-CN', '[草稿]'],
    ['ja', '[下書き]'],
  ] as const) {
    it(`shows a draft instead of the last message, with the localized prefix in the accent class (${locale})`, async () => {
      const { container } = await setup(
        [conv('C2Calice', 'Alice', { draft: { text: 'see you at 5', updatedAt: NOW } })],
        () => <ConversationItem id="C2Calice" />,
        locale,
      );
      const preview = part(container, 'preview')!;
      expect(preview).toHaveAttribute('data-has-draft', '');
      expect(preview.querySelector('.ik-ConversationItem-draftPrefix')).toHaveTextContent(prefix);
      expect(preview).toHaveTextContent(`${prefix} see you at 5`);
      expect(preview).not.toHaveTextContent('Hello there');
    });
  }

  it('shows the strongest mention first: [@me] over [@all], localized', async () => {
    const { container } = await setup(
      [
        conv('GROUPa', 'A', { kind: 'group', unreadCount: 2, mentions: [{ kind: 'all' }, { kind: 'me' }] }),
        conv('GROUPb', 'B', { kind: 'group', unreadCount: 1, mentions: [{ kind: 'all' }] }),
      ],
      () => (
        <>
          <ConversationItem id="GROUPa" />
          <ConversationItem id="GROUPb" />
        </>
      ),
      'zh-CN',
    );
    const prefixes = [...container.querySelectorAll('.ik-ConversationItem-mentionPrefix')].map((el) => el.textContent);
    expect(prefixes).toEqual(['[有人@我]', '[@所有人]']);
    expect(part(container, 'preview')).toHaveAttribute('data-mentioned', '');
  });

  it('shows a recalled message as a localized notice, naming the sender in groups', async () => {
    const { container } = await setup(
      [
        conv('C2Cbob', 'Bob', { lastMessage: { preview: 'secret', sentAt: NOW, isRevoked: true } }),
        conv('GROUPdev', 'Dev', { kind: 'group', lastMessage: { preview: 'secret', senderName: 'Carol', sentAt: NOW, isRevoked: true } }),
      ],
      () => (
        <>
          <ConversationItem id="C2Cbob" />
          <ConversationItem id="GROUPdev" />
        </>
      ),
      'ja',
    );
    const previews = [...container.querySelectorAll('.ik-ConversationItem-preview')];
    expect(previews[0]).toHaveTextContent('メッセージの送信が取り消されました');
    expect(previews[1]).toHaveTextContent('Carolがメッセージの送信を取り消しました');
    expect(previews[0]).toHaveAttribute('data-revoked', '');
    expect(container).not.toHaveTextContent('secret');
  });
});

describe('ConversationItem.UnreadBadge', () => {
  async function badgeFor(extra: Partial<Conversation>, locale = 'en', props: { max?: number } = {}) {
    const components: ConversationItemComponents = { UnreadBadge: (p) => <ConversationItem.UnreadBadge {...p} {...props} /> };
    const { container } = await setup([conv('C2Calice', 'Alice', extra)], () => <ConversationItem id="C2Calice" components={components} />, locale);
    return part(container, 'unreadBadge');
  }

  it('shows the count with a sentence for screen readers', async () => {
    const badge = await badgeFor({ unreadCount: 3 });
    expect(badge).toHaveTextContent('3');
    expect(within(badge!).getByText('3 unread messages')).toHaveClass('ik-visually-hidden');
    expect(within(badge!).getByText('3', { selector: '[aria-hidden="true"]' })).toBeInTheDocument();
  });

  it('uses the singular for one message', async () => {
    expect(within((await badgeFor({ unreadCount: 1 }))!).getByText('1 unread message')).toBeInTheDocument();
  });

  it('caps at 99+ but tells screen readers the real count', async () => {
    const badge = await badgeFor({ unreadCount: 150 });
    expect(badge).toHaveAttribute('data-capped', '');
    expect(within(badge!).getByText('99+')).toBeInTheDocument();
    expect(within(badge!).getByText('150 unread messages')).toBeInTheDocument();
  });

  it('takes another cap through `max`', async () => {
    expect(within((await badgeFor({ unreadCount: 12 }, 'en', { max: 9 }))!).getByText('9+')).toBeInTheDocument();
  });

  it('shows a dot without a number for a muted conversation', async () => {
    const badge = await badgeFor({ unreadCount: 42, muteMode: 'silent' });
    expect(badge).toHaveAttribute('data-dot', '');
    expect(badge).toHaveAttribute('data-muted', '');
    expect(badge).not.toHaveTextContent('42');
    expect(badge).toHaveTextContent('Unread messages, notifications muted');
  });

  it('localizes the sentence', async () => {
    expect(await badgeFor({ unreadCount: 5 }, 'zh-CN')).toHaveTextContent('5 条未读消息');
  });

  it('falls back to English rules and dates for a locale tag Intl rejects, instead of failing the row', async () => {
    const one = await badgeFor({ unreadCount: 1 }, 'not a locale!');
    expect(one).toHaveTextContent('1 unread message');
    expect(one).not.toHaveTextContent('messages');
    expect(formatConversationTime(new Date(2024, 2, 8, 8, 0).getTime(), NOW, 'not a locale!')).toEqual({ text: 'Mar 8', range: 'year' });
  });

  it('is absent when everything is read', async () => {
    expect(await badgeFor({ unreadCount: 0 })).toBeNull();
  });

  it('shows a dot for a conversation marked unread with no unread messages', async () => {
    const badge = await badgeFor({ unreadCount: 0, marks: ['unread'] });
    expect(badge).toHaveAttribute('data-dot', '');
    expect(badge).toHaveTextContent('Marked as unread');
  });
});

describe('ConversationItem.Avatar', () => {
  it('renders a safe image URL', async () => {
    const { container } = await setup([conv('C2Calice', 'Alice', { avatarUrl: 'https://cdn.example.com/a.png' })], () => (
      <ConversationItem id="C2Calice" />
    ));
    const img = container.querySelector('img')!;
    expect(img).toHaveAttribute('src', 'https://cdn.example.com/a.png');
    expect(part(container, 'avatar')).toHaveAttribute('data-image-status', 'loading');
    fireEvent.load(img);
    expect(part(container, 'avatar')).toHaveAttribute('data-image-status', 'loaded');
    expect(container.querySelector('.ik-ConversationItem-initials')).toBeNull();
  });

  it('never loads a javascript: URL and shows initials instead', async () => {
    const { container } = await setup([conv('C2Calice', 'Alice Smith', { avatarUrl: 'javascript:alert(1)' })], () => (
      <ConversationItem id="C2Calice" />
    ));
    expect(container.querySelector('img')).toBeNull();
    expect(part(container, 'avatar')).toHaveAttribute('data-image-status', 'none');
    expect(container.querySelector('.ik-ConversationItem-initials')).toHaveTextContent('AS');
  });

  it('falls back to initials when the image fails to load', async () => {
    const { container } = await setup([conv('C2C张三', '张三', { avatarUrl: 'https://cdn.example.com/broken.png' })], () => (
      <ConversationItem id="C2C张三" />
    ));
    fireEvent.error(container.querySelector('img')!);
    expect(container.querySelector('img')).toBeNull();
    expect(part(container, 'avatar')).toHaveAttribute('data-image-status', 'error');
    expect(container.querySelector('.ik-ConversationItem-initials')).toHaveTextContent(/^张$/);
  });

  it('derives the background slot from the id: the same id always gets the same colour', async () => {
    const { container } = await setup([conv('C2Calice', 'Alice'), conv('C2Cbob', 'Alice')], () => (
      <>
        <ConversationItem id="C2Calice" />
        <ConversationItem id="C2Cbob" />
      </>
    ));
    const [a, b] = [...container.querySelectorAll('.ik-ConversationItem-avatar')];
    expect(a).toHaveAttribute('data-color', String(avatarColorIndex('C2Calice')));
    expect(b).toHaveAttribute('data-color', String(avatarColorIndex('C2Cbob')));
    expect(avatarColorIndex('C2Calice')).toBe(avatarColorIndex('C2Calice'));
  });

  it('spreads ids over all eight colours', () => {
    const used = new Set(Array.from({ length: 200 }, (_, i) => avatarColorIndex(`C2Cuser_${i}`)));
    expect([...used].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('computes initials by grapheme, CJK-aware', () => {
    expect(getInitials('ada lovelace')).toBe('AL');
    expect(getInitials('Bob')).toBe('B');
    expect(getInitials('  @grace  hopper ')).toBe('GH');
    expect(getInitials('王小明')).toBe('王');
    expect(getInitials('さくら')).toBe('さ');
    expect(getInitials('🇯🇵 Japan trip')).toBe('🇯🇵');
    expect(getInitials('👩‍👩‍👧 Family')).toBe('👩‍👩‍👧');
    expect(getInitials('e\u0301mile zola')).toBe('E\u0301Z');
    expect(getInitials('istanbul ofis', 'tr')).toBe('İO');
    expect(getInitials('   ')).toBe('?');
  });
});

describe('ConversationItem indicators, pending and failure', () => {
  it('gives pin and mute state as text while the icons are hidden from assistive technology', async () => {
    const { container } = await setup([conv('C2Calice', 'Alice', { isPinned: true, muteMode: 'silentExceptMention' })], () => (
      <ConversationItem id="C2Calice" />
    ));
    expect(within(part(container, 'pinIndicator')!).getByText('Pinned')).toBeInTheDocument();
    expect(within(part(container, 'muteIndicator')!).getByText('Muted except @mentions')).toBeInTheDocument();
    for (const svg of container.querySelectorAll('svg')) {
      expect(svg).toHaveAttribute('aria-hidden', 'true');
      expect(svg).toHaveAttribute('focusable', 'false');
    }
  });

  it('shows a command in flight on the row, then the failure with the error message and a working Dismiss', async () => {
    const adapter: MemoryAdapter = createMemoryAdapter({ conversations: [conv('C2Calice', 'Alice')], latencyMs: 5 });
    const store = makeStore(adapter);
    await store.connect();
    const { container } = renderWithStore(<ConversationItem id="C2Calice" />, store);
    const user = userEvent.setup();

    let pin!: Promise<void>;
    act(() => {
      pin = store.getState().actions.pin('C2Calice', true);
    });
    expect(root(container)).toHaveAttribute('data-pending', '');
    expect(root(container)).toHaveAttribute('aria-busy', 'true');
    expect(root(container)).toHaveAttribute('data-pinned', '');
    expect(within(part(container, 'pendingIndicator')!).getByText('Updating…')).toBeInTheDocument();
    await act(() => pin);
    expect(root(container)).not.toHaveAttribute('data-pending');

    adapter.failNext('setMuteMode', new InboxError('ADAPTER_FAILED', 'Server said <no> (code 7)'));
    await act(() => store.getState().actions.setMuteMode('C2Calice', 'silent').catch(() => {}));
    expect(root(container)).toHaveAttribute('data-failed', '');
    expect(root(container)).not.toHaveAttribute('data-muted');
    const notice = part(container, 'failureNotice')!;
    expect(notice).toHaveTextContent('Couldn’t change notifications: Server said <no> (code 7)');
    expect(notice).toHaveAttribute('data-operation', 'setMuteMode');

    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(part(container, 'failureNotice')).toBeNull();
    expect(root(container)).not.toHaveAttribute('data-failed');
    expect(store.getState().failures.size).toBe(0);
  });
});

describe('ConversationItem rendering scope', () => {
  it('re-renders only the row whose conversation changed', async () => {
    const renders = new Map<string, number>();
    const onRender = (id: string) => renders.set(id, (renders.get(id) ?? 0) + 1);
    const ids = ['C2Ca', 'C2Cb', 'C2Cc'];
    const { adapter } = await setup(
      ids.map((id) => conv(id, id)),
      () =>
        ids.map((id) => (
          <Profiler key={id} id={id} onRender={onRender}>
            <ConversationItem id={id} now={NOW} />
          </Profiler>
        )),
    );
    renders.clear();
    await act(async () => {
      adapter.simulate.message('C2Cb', { preview: 'new!', at: NOW });
      await Promise.resolve();
    });
    expect(screen.getByText('new!')).toBeInTheDocument();
    expect(Object.fromEntries(renders)).toEqual({ C2Cb: 1 });
  });
});

describe('ConversationItem accessibility', () => {
  it('has no axe violations across states', async () => {
    const adapter = createMemoryAdapter({
      conversations: [
        conv('GROUPdev', 'Dev', {
          kind: 'group',
          isPinned: true,
          unreadCount: 120,
          mentions: [{ kind: 'all' }],
          lastMessage: { preview: 'hi', senderName: 'Ann', sentAt: NOW },
        }),
        conv('C2Cmuted', 'Muted', { muteMode: 'blocked', unreadCount: 3, avatarUrl: 'https://x.example/a.png' }),
        conv('C2Cdraft', 'Draft', { draft: { text: 'wip', updatedAt: NOW } }),
      ],
    });
    const store = makeStore(adapter);
    await store.connect();
    adapter.failNext('pin');
    await store
      .getState()
      .actions.pin('C2Cdraft', true)
      .catch(() => {});
    const { container } = renderWithStore(
      <div>
        {['GROUPdev', 'C2Cmuted', 'C2Cdraft'].map((id) => (
          <ConversationItem key={id} id={id} now={NOW} />
        ))}
      </div>,
      store,
    );
    expect(part(container, 'failureNotice')).not.toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  }, AXE_TIMEOUT);
});

// rerender() replaces the whole tree, so the provider is rendered again around the item.
function ItemInProvider({ store, ...flags }: { store: InboxStore; isSelected?: boolean; isFocused?: boolean; isFocusVisible?: boolean }) {
  return (
    <InboxProvider store={store}>
      <ConversationItem id="C2Calice" {...flags} />
    </InboxProvider>
  );
}
