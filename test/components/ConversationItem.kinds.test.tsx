/**
 * What a row says about a conversation that the adapter describes instead of wording (issue 16, Found 5 and 4):
 * structured previews and the system conversation's title in the user's language, the burn-after-reading and star
 * indicators, and failures told by their code.
 */
import { act, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ConversationItem } from '../../src/components/ConversationItem/index.js';
import { enMessages } from '../../src/components/internal/i18n.js';
import type { AdapterCapabilities } from '../../src/core/adapter.js';
import { InboxError } from '../../src/core/errors.js';
import type { Conversation, LastMessage, PreviewKind } from '../../src/core/types.js';
import { PREVIEW_KINDS } from '../../src/core/types.js';
import { arMessages } from '../../src/locales/ar.js';
import { jaMessages } from '../../src/locales/ja.js';
import { zhCNMessages } from '../../src/locales/zh-CN.js';
import { AXE_TIMEOUT, axeViolations } from '../utils/axe.js';
import { conv, createScriptedAdapter } from '../core/scriptedAdapter.js';
import { makeStore, renderWithStore, withLocale } from '../utils/render.js';

const NOW = new Date(2024, 2, 15, 14, 30).getTime();
const TABLES = { en: enMessages, 'zh-CN': zhCNMessages, ja: jaMessages, ar: arMessages } as const;
type Locale = keyof typeof TABLES;
const LOCALES = Object.keys(TABLES) as Locale[];

function message(partial: Partial<LastMessage>): LastMessage {
  return { preview: '', sentAt: NOW - 60_000, ...partial };
}

async function setup(conversations: Conversation[], ui: ReactNode, locale: Locale = 'en', capabilities: Partial<AdapterCapabilities> = {}) {
  const scripted = createScriptedAdapter({ conversations, capabilities });
  const store = makeStore(scripted.adapter);
  await store.connect();
  const view = renderWithStore(<>{ui}</>, store, withLocale(locale));
  return { scripted, store, ...view };
}

const part = (container: HTMLElement, name: string) => container.querySelector<HTMLElement>(`.ik-ConversationItem-${name}`);

describe('ConversationItem: structured previews in the user language', () => {
  const labelled = PREVIEW_KINDS.filter((kind): kind is Exclude<PreviewKind, 'text' | 'revoked'> => kind !== 'text' && kind !== 'revoked');

  for (const locale of LOCALES) {
    it(`names every kind of message with the ${locale} table, never with text from the adapter`, async () => {
      const conversations = labelled.map((kind) => conv(`C2C${kind}`, { lastActivityAt: NOW, lastMessage: message({ kind }) }));
      const { container } = await setup(
        conversations,
        conversations.map((c) => <ConversationItem key={c.id} id={c.id} data-testid={c.id} />),
        locale,
      );
      for (const kind of labelled) {
        const preview = part(screen.getByTestId(`C2C${kind}`), 'preview')!;
        expect(preview, kind).toHaveAttribute('data-message-kind', kind);
        expect(preview.querySelector('.ik-ConversationItem-kindLabel'), kind).toHaveTextContent(TABLES[locale][`item.preview.${kind}`]);
        expect(preview.textContent, kind).toBe(TABLES[locale][`item.preview.${kind}`]);
      }
      expect(container.querySelectorAll('.ik-ConversationItem-kindLabel')).toHaveLength(labelled.length);
    });
  }

  it('follows the label with the detail and the message own text, as text (never HTML), and shows text messages as they are', async () => {
    const conversations = [
      conv('C2Cfile', { lastMessage: message({ kind: 'file', detail: '<b>Q3 report</b>.pdf' }) }),
      conv('C2Ccustom', { lastMessage: message({ kind: 'custom', preview: 'Order #42 shipped' }) }),
      conv('C2Cboth', { lastMessage: message({ kind: 'location', detail: 'Tokyo Station', preview: 'meet here' }) }),
      conv('C2Ctext', { lastMessage: message({ preview: '<img src=x onerror=alert(1)>' }) }),
      conv('C2Cexplicit', { lastMessage: message({ kind: 'text', preview: 'plain' }) }),
    ];
    const { container } = await setup(
      conversations,
      conversations.map((c) => <ConversationItem key={c.id} id={c.id} data-testid={c.id} />),
      'zh-CN',
    );
    const text = (id: string) => part(screen.getByTestId(id), 'preview')!.textContent;
    expect(text('C2Cfile')).toBe('[文件] <b>Q3 report</b>.pdf');
    expect(text('C2Ccustom')).toBe('[自定义消息] Order #42 shipped');
    expect(text('C2Cboth')).toBe('[位置] Tokyo Station meet here');
    expect(text('C2Ctext')).toBe('<img src=x onerror=alert(1)>');
    expect(part(screen.getByTestId('C2Ctext'), 'preview')).toHaveAttribute('data-message-kind', 'text');
    expect(text('C2Cexplicit')).toBe('plain');
    expect(container.querySelector('b, img')).toBeNull();
    // The label and the backend's words are separate pieces: a file name is cut at its own end, the label never.
    expect(part(screen.getByTestId('C2Cfile'), 'previewText')).toHaveTextContent('<b>Q3 report</b>.pdf');
  });

  it('keeps the sender prefix in groups and reads kind "revoked" as the recalled notice', async () => {
    const conversations = [
      conv('GROUPa', { kind: 'group', lastMessage: message({ kind: 'image', senderName: 'Ann' }) }),
      conv('GROUPb', { kind: 'group', lastMessage: message({ kind: 'revoked', senderName: 'Bo' }) }),
    ];
    await setup(
      conversations,
      conversations.map((c) => <ConversationItem key={c.id} id={c.id} data-testid={c.id} />),
      'ja',
    );
    expect(part(screen.getByTestId('GROUPa'), 'preview')).toHaveTextContent('Ann：[画像]');
    const revoked = part(screen.getByTestId('GROUPb'), 'preview')!;
    expect(revoked).toHaveAttribute('data-revoked', '');
    expect(revoked).toHaveTextContent('Boがメッセージの送信を取り消しました');
  });
});

describe('ConversationItem: the system conversation without a title', () => {
  for (const locale of LOCALES) {
    it(`is named "${TABLES[locale]['item.systemTitle']}" (${locale}), in the title and the initials`, async () => {
      const { container } = await setup([conv('@TIM#SYSTEM', { kind: 'system', title: '' })], <ConversationItem id="@TIM#SYSTEM" />, locale);
      expect(part(container, 'title')).toHaveTextContent(TABLES[locale]['item.systemTitle']);
      expect(part(container, 'initials')!.textContent).not.toBe('');
    });
  }

  it('keeps a title the backend gave, and an empty title of another kind', async () => {
    const conversations = [conv('sn_1', { kind: 'system', title: 'OpenIM notices' }), conv('C2Cx', { title: '' })];
    await setup(
      conversations,
      conversations.map((c) => <ConversationItem key={c.id} id={c.id} data-testid={c.id} />),
    );
    expect(part(screen.getByTestId('sn_1'), 'title')).toHaveTextContent(/^OpenIM notices$/);
    expect(part(screen.getByTestId('C2Cx'), 'title')).toHaveTextContent(/^$/);
  });
});

describe('ConversationItem: burn after reading and star', () => {
  it('shows a flame with the duration in the user language and the whole sentence for screen readers', async () => {
    const conversations = [
      conv('si_a', { privateChat: { enabled: true, burnDurationSec: 30 } }),
      conv('si_b', { privateChat: { enabled: true, burnDurationSec: 300 } }),
      conv('si_c', { privateChat: { enabled: true } }),
      conv('si_d', { privateChat: { enabled: false, burnDurationSec: 30 } }),
    ];
    const { container } = await setup(
      conversations,
      conversations.map((c) => <ConversationItem key={c.id} id={c.id} data-testid={c.id} />),
    );
    const indicator = (id: string) => part(screen.getByTestId(id), 'privateChatIndicator');
    expect(screen.getByTestId('si_a')).toHaveAttribute('data-private-chat', '');
    expect(indicator('si_a')).toHaveTextContent('Burn after reading: messages are deleted 30 seconds after they are read');
    expect(indicator('si_a')!.querySelector('.ik-ConversationItem-duration')).toHaveTextContent('30 sec');
    expect(indicator('si_a')!.querySelector('.ik-ConversationItem-duration')).toHaveAttribute('aria-hidden', 'true');
    expect(indicator('si_b')).toHaveTextContent('5 minutes');
    // Without a duration: the flame and the plain name, no number.
    expect(indicator('si_c')!.textContent).toBe('Burn after reading');
    expect(indicator('si_d')).toBeNull();
    expect(screen.getByTestId('si_d')).not.toHaveAttribute('data-private-chat');
    for (const svg of container.querySelectorAll('svg')) expect(svg).toHaveAttribute('aria-hidden', 'true');
  });

  for (const [locale, duration] of [
    ['zh-CN', '30秒'],
    ['ja', '30 秒'],
    ['ar', '30'],
  ] as const) {
    it(`words the duration through Intl in ${locale}`, async () => {
      const { container } = await setup([conv('si_a', { privateChat: { enabled: true, burnDurationSec: 30 } })], <ConversationItem id="si_a" />, locale);
      const indicator = part(container, 'privateChatIndicator')!;
      expect(indicator.querySelector('.ik-ConversationItem-duration')!.textContent).toContain(duration);
      expect(within(indicator).getByText(new RegExp(`^${TABLES[locale]['item.privateChatFor'].split('{duration}')[0]!}`))).toBeInTheDocument();
    });
  }

  it('follows the conversation when burn after reading is turned off', async () => {
    const { container, scripted } = await setup([conv('si_a', { privateChat: { enabled: true, burnDurationSec: 30 } })], <ConversationItem id="si_a" />);
    await act(async () => {
      scripted.emit({ type: 'upserted', conversations: [conv('si_a', { privateChat: { enabled: false } })] });
    });
    expect(part(container, 'privateChatIndicator')).toBeNull();
  });

  it('shows a star for the star mark, with its name as text', async () => {
    const { container } = await setup([conv('C2Cs', { marks: ['star'] }), conv('C2Cn')], (
      <>
        <ConversationItem id="C2Cs" data-testid="starred" />
        <ConversationItem id="C2Cn" data-testid="plain" />
      </>
    ));
    expect(screen.getByTestId('starred')).toHaveAttribute('data-starred', '');
    expect(part(screen.getByTestId('starred'), 'starIndicator')).toHaveTextContent('Starred');
    expect(part(screen.getByTestId('plain'), 'starIndicator')).toBeNull();
    expect(container.querySelectorAll('.ik-ConversationItem-starIndicator')).toHaveLength(1);
  });

  it('has no axe violations with every new part shown', async () => {
    const conversations = [
      conv('si_a', { privateChat: { enabled: true, burnDurationSec: 86_400 }, marks: ['star'], lastMessage: message({ kind: 'file', detail: 'a.pdf' }) }),
      conv('@TIM#SYSTEM', { kind: 'system', title: '', lastMessage: message({ kind: 'groupNotice' }) }),
    ];
    const { container } = await setup(
      conversations,
      <div>
        {conversations.map((c) => (
          <ConversationItem key={c.id} id={c.id} now={NOW} />
        ))}
      </div>,
      'ar',
    );
    expect(await axeViolations(container)).toEqual([]);
  }, AXE_TIMEOUT);
});

describe('ConversationItem.FailureNotice: a failure told by its code, in the user language (issue 16, Found 4)', () => {
  it('names the pin limit from a per-id code with the backend limit, not the adapter message', async () => {
    const { container, scripted, store } = await setup([conv('C2Ca')], <ConversationItem id="C2Ca" />, 'ja', { maxPinned: 3 });
    scripted.setAuto(false);
    let pin!: Promise<void>;
    act(() => {
      pin = store.getState().actions.pin('C2Ca', true).catch(() => {});
    });
    await act(async () => {
      scripted.last('pin').reject(new InboxError('PIN_LIMIT_EXCEEDED', 'At most 3 conversations can be pinned (English).', { sdkCode: 51012 }));
      await pin;
    });
    const notice = part(container, 'failureNotice')!;
    expect(notice).toHaveTextContent(`${jaMessages['item.failure.pin']}：${jaMessages['controls.pinLimitError'].replace('{max}', '3')}`);
    expect(notice).not.toHaveTextContent('English');
  });

  it('keeps the backend own words for ADAPTER_FAILED', async () => {
    const { container, scripted, store } = await setup([conv('C2Ca', { unreadCount: 2 })], <ConversationItem id="C2Ca" />, 'zh-CN');
    scripted.setAuto(false);
    let read!: Promise<void>;
    act(() => {
      read = store.getState().actions.markRead('C2Ca').catch(() => {});
    });
    await act(async () => {
      scripted.last('markRead').reject(scripted.failure(70001));
      await read;
    });
    expect(part(container, 'failureNotice')).toHaveTextContent(`${zhCNMessages['item.failure.markRead']}：backend said no`);
  });
});
