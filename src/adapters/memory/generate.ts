import { InboxError } from '../../core/errors.js';
import type { Conversation, ConversationMark, LastMessage, Mention, MentionKind, MuteMode, PreviewKind } from '../../core/types.js';

/** Options of `generateConversations`. */
export interface GenerateOptions {
  /** Same seed, same conversations. @default 1 */
  seed?: number;
  /**
   * The time the inbox is looked at, in ms: the newest conversations are minutes old, then hours, yesterday, this
   * week, and the rest spread over the weeks before. Pass a fixed value (`GENERATE_DEFAULT_NOW`) for data that does
   * not depend on the day it runs. @default Date.now()
   */
  now?: number;
}

/** A fixed `now` to pass for reproducible data (tests, screenshots): 2025-06-01T09:00:00Z. */
export const GENERATE_DEFAULT_NOW = Date.UTC(2025, 5, 1, 9, 0, 0);

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const SPAN = 60 * DAY;
/** The most recent conversations follow a curve (see `ageOfRank`) until they are this old; the rest spread evenly. */
const HEAD = 21 * DAY;

/** A small, fast, seedable PRNG (mulberry32): uniform floats in [0, 1). */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Language = 'en' | 'zh' | 'ja';

const FIRST = {
  en: ['Alice', 'Ben', 'Chloe', 'Daniel', 'Emma', 'Finn', 'Grace', 'Henry', 'Isla', 'Jack', 'Kate', 'Liam', 'Maya', 'Noah', 'Olivia', 'Priya', 'Quinn', 'Ravi', 'Sofia', 'Tom'],
  zh: ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '婷', '强', '欣怡', '子轩', '浩然', '雨涵', '梓萱', '一诺', '思远'],
  ja: ['翔', '美咲', '大輝', '陽菜', '蓮', '結衣', '悠真', 'さくら', '健太', '葵', '拓海', '凛', '湊', '七海', '颯', 'ひかり', '直樹', '由美', '誠', '愛'],
} as const;

const LAST = {
  en: ['Johnson', 'Smith', 'Williams', 'Brown', 'Garcia', 'Miller', 'Davis', 'Martinez', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Clark', 'Lewis', 'Walker', 'Young', 'King', 'Wright', 'Patel'],
  zh: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'],
  ja: ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '山口', '松本', '井上', '木村', '林', '清水', '斎藤'],
} as const;

const GROUP_TITLES = {
  en: ['Suppliers', 'Design Review', 'Release Train', 'Family', 'Book Club 📚', 'Weekend Hiking ⛰️', 'Customer Success', 'Infra On-call 🚨', 'Marketing', 'Parents of Class 3B', 'Football Fridays ⚽', 'Board'],
  zh: ['研发部', '产品讨论群', '周末羽毛球🏸', '大学同学会', '家人群', '前端技术交流', '市场部', '项目周会', '深圳办公室', '读书会'],
  ja: ['営業チーム', 'プロジェクトX', '開発部', '読書会', '週末ランニング🏃', '同期会', 'デザイン定例', '家族', 'カスタマーサポート', '大阪オフィス'],
} as const;

const LONG_TITLES = [
  'Quarterly planning: product, design, engineering and marketing sync (EMEA + APAC) 🌏',
  'Alexandra Montgomery-Fitzgerald (Product Design, London office)',
  '深圳研发中心第三事业部前端架构与性能优化专项讨论组',
  '東京本社・大阪支社合同プロジェクト推進委員会（2025年度）',
];

/** A message that is not text: its kind, which the row names in the reader's language, and a detail. */
interface NonText {
  kind: PreviewKind;
  detail?: string;
}

// Non-text messages are kinds, never labels such as "[Image]": the data must read right in every locale.
const PREVIEWS: Record<Language, readonly (string | NonText)[]> = {
  en: [
    'See you tomorrow!',
    'Can you review the PR when you get a chance? 🙏',
    'Sounds good 👍',
    'The build is green again.',
    { kind: 'image' },
    { kind: 'file', detail: 'Q2-report-final-v3.pdf' },
    'Running 10 minutes late, sorry!',
    'Thanks, that fixed it 🎉',
    'Who is joining the call?',
    'Let me check and get back to you.',
    'Happy birthday!!! 🎂🎈',
    { kind: 'voice', detail: '0:42' },
    'Invoice #4821 is attached.',
    'lol 😂',
  ],
  zh: [
    '好的，收到',
    '明天上午十点开会，别忘了',
    { kind: 'image' },
    { kind: 'file', detail: '需求文档v2.docx' },
    '辛苦了🙏',
    '这个问题我再看一下',
    '哈哈哈哈😂',
    '已经发版了，大家可以验证一下',
    '周末一起吃饭吗？',
    { kind: 'voice', detail: '0:15' },
    '收到，马上处理',
    '会议改到下午三点',
  ],
  ja: [
    '了解しました！',
    'お疲れさまです🙇',
    { kind: 'image' },
    { kind: 'file', detail: '見積書_2025.pdf' },
    '明日の打ち合わせは10時からです',
    'ありがとうございます😊',
    '少し遅れます、すみません',
    'リリース完了しました🎉',
    '確認してから折り返します',
    { kind: 'voice', detail: '0:31' },
    '週末空いてる？',
    'よろしくお願いします',
  ],
};

const DRAFTS = {
  en: ['Let me think about', 'Sure, I can do Thursday but', 'Quick question about the'],
  zh: ['我明天再', '这个方案我觉得', '好的，那我们'],
  ja: ['了解です、あとで', 'その件ですが、', '来週の'],
} as const;

/** Groups the system conversation's last notice is about. */
const SYSTEM_NOTICE_GROUPS = ['研发部', '営業チーム', 'Design Review'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function language(random: () => number): Language {
  const r = random();
  return r < 0.4 ? 'en' : r < 0.75 ? 'zh' : 'ja';
}

function personName(random: () => number, lang: Language): string {
  const first = pick(random, FIRST[lang]);
  const last = pick(random, LAST[lang]);
  if (lang === 'en') return `${first} ${last}`;
  if (lang === 'zh') return `${last}${first}`;
  return `${last} ${first}`;
}

/**
 * How long ago the conversation at `rank` (0: the most recent) was active: about 20 min, 1 h, 2.5 h, 4 h, ... a day
 * by rank 10, a week by rank 30, three weeks by rank 50 (the curve `0.3 h * (rank + 1)^1.9`); older ranks spread
 * evenly from three weeks to `SPAN`. So the first screen of any inbox reads "10:42", "Yesterday", weekdays, dates.
 */
function ageOfRank(rank: number, random: () => number): number {
  const head = 0.3 * HOUR * (rank + 1) ** 1.9 * (0.8 + 0.4 * random());
  if (head < HEAD) return head;
  return HEAD + random() * (SPAN - HEAD);
}

/** Most conversations are read; one-to-one chats rarely have more than a few; busy groups reach dozens. */
function unreadCount(random: () => number, isGroup: boolean, isRecent: boolean): number {
  // Older conversations have mostly been read.
  if (!isRecent && random() < 0.85) return 0;
  const r = random();
  if (isGroup) {
    if (r < 0.55) return 0;
    if (r < 0.85) return 1 + Math.floor(random() * 9);
    if (r < 0.97) return 10 + Math.floor(random() * 40);
    return 50 + Math.floor(random() * 100);
  }
  if (r < 0.7) return 0;
  if (r < 0.95) return 1 + Math.floor(random() * 4);
  if (r < 0.99) return 5 + Math.floor(random() * 10);
  return 15 + Math.floor(random() * 20);
}

function mentionKind(random: () => number): MentionKind {
  const r = random();
  return r < 0.6 ? 'me' : r < 0.9 ? 'all' : r < 0.97 ? 'allAndMe' : 'announcement';
}

function muteMode(random: () => number, isGroup: boolean): MuteMode {
  if (random() >= 0.1) return 'none';
  const r = random();
  if (!isGroup) return r < 0.8 ? 'silent' : 'blocked';
  return r < 0.5 ? 'silent' : r < 0.85 ? 'silentExceptMention' : 'blocked';
}

/** Tencent's group system notices. No title: the row names the system conversation in the reader's language. */
function systemConversation(sentAt: number, random: () => number): Conversation {
  return {
    id: '@TIM#SYSTEM',
    kind: 'system',
    title: '',
    unreadCount: 2,
    muteMode: 'none',
    lastMessage: { id: 'msg_system_1', preview: '', kind: 'groupNotice', detail: pick(random, SYSTEM_NOTICE_GROUPS), sentAt },
    lastActivityAt: sentAt,
    mentions: [],
    isPinned: false,
    groupNames: [],
  };
}

/**
 * Generates `count` realistic conversations, deterministically: the same `seed` and `now` give the same data.
 *
 * The mix: direct and group chats with English, Chinese and Japanese names (some long titles and emoji), one
 * `@TIM#SYSTEM` conversation (when `count` > 7, untitled, its last message a group notice), two or three pinned
 * among the recent ones, about 10% muted across all mute modes, some drafts, @-mentions (me / all), unread counts
 * as people have them (most read, a few on one-to-one chats, dozens in the odd busy group, more on recent
 * conversations), revoked messages, images, files and voice messages (as `lastMessage.kind` with a `detail`, never
 * as a label in `preview`), a few conversations without messages. Activity is relative to `now` in whole seconds: minutes and hours ago at the top,
 * then yesterday, this week and the weeks before (up to 60 days). No avatar URLs, so nothing is fetched and
 * the kit paints each title's initials. Ids follow Tencent Web (`C2Cuser_<n>`, `GROUPgroup_<n>`) and are unique.
 * 100,000 conversations take a fraction of a second.
 */
export function generateConversations(count: number, options: GenerateOptions = {}): Conversation[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new InboxError('INVALID_ARGUMENT', `generateConversations needs a non-negative integer count, got ${String(count)}.`);
  }
  const seed = options.seed ?? 1;
  const now = options.now ?? Date.now();
  if (!Number.isFinite(seed)) throw new InboxError('INVALID_ARGUMENT', 'generateConversations: `seed` must be a number.');
  if (!Number.isFinite(now) || now < SPAN) throw new InboxError('INVALID_ARGUMENT', 'generateConversations: `now` must be a time in ms.');
  const random = createRandom(seed);
  const out = new Array<Conversation>(count);
  // rank[i]: how recent conversation i is (0: the newest), a shuffle so recency is not the generation order.
  const rank = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rank[i], rank[j]] = [rank[j]!, rank[i]!];
  }
  // Two or three pinned, among the 40 most recent (people pin who they talk to).
  const pinnedRanks = new Set<number>();
  const pinTarget = Math.min(count >= 10 ? 2 + Math.floor(random() * 2) : count >= 3 ? 1 : 0, count);
  while (pinnedRanks.size < pinTarget) {
    const r = Math.floor(random() * Math.min(count, 40));
    if (r !== rank[7]) pinnedRanks.add(r); // not the system conversation
  }
  const at = (i: number) => Math.floor((now - ageOfRank(rank[i]!, random)) / 1000) * 1000;

  for (let i = 0; i < count; i++) {
    if (i === 7) {
      out[i] = systemConversation(at(i), random);
      continue;
    }
    const isGroup = random() < 0.3;
    const lang = language(random);
    const n = i + 1;
    let title: string;
    if (random() < 0.02) title = pick(random, LONG_TITLES);
    else if (isGroup) title = pick(random, GROUP_TITLES[lang]);
    else title = personName(random, lang);

    const isPinned = pinnedRanks.has(rank[i]!);
    const isEmpty = !isPinned && random() < 0.01;
    const lastActivityAt = isEmpty ? 0 : at(i);
    const unread = isEmpty ? 0 : unreadCount(random, isGroup, now - lastActivityAt < 7 * DAY);

    const conversation: Conversation = {
      id: isGroup ? `GROUPgroup_${n}` : `C2Cuser_${n}`,
      kind: isGroup ? 'group' : 'direct',
      title,
      unreadCount: unread,
      muteMode: muteMode(random, isGroup),
      lastActivityAt,
      mentions: [],
      isPinned,
      groupNames: [],
    };
    if (isGroup) {
      conversation.groupId = `group_${n}`;
      conversation.groupType = random() < 0.7 ? 'Private' : 'Public';
    } else {
      conversation.peerUserId = `user_${n}`;
    }

    if (!isEmpty) {
      const isRevoked = random() < 0.03;
      // A recalled message has no text left; the row says it was recalled.
      const content: string | NonText = isRevoked ? { kind: 'revoked' } : pick(random, PREVIEWS[lang]);
      const lastMessage: LastMessage =
        typeof content === 'string'
          ? { id: `msg_${n}`, preview: content, sentAt: lastActivityAt }
          : { id: `msg_${n}`, preview: '', kind: content.kind, ...(content.detail ? { detail: content.detail } : {}), sentAt: lastActivityAt };
      if (isRevoked) lastMessage.isRevoked = true;
      if (isGroup) {
        const senderLang = random() < 0.8 ? lang : language(random);
        lastMessage.senderId = `user_${1 + Math.floor(random() * Math.max(count, 1))}`;
        lastMessage.senderName = personName(random, senderLang);
      } else {
        lastMessage.senderId = random() < 0.5 ? `user_${n}` : 'me';
      }
      conversation.lastMessage = lastMessage;

      if (isGroup && unread > 0 && random() < 0.2) {
        const mentions: Mention[] = [{ kind: mentionKind(random), messageId: `msg_${n}_at1` }];
        if (random() < 0.2) mentions.push({ kind: mentionKind(random), messageId: `msg_${n}_at2` });
        conversation.mentions = mentions;
      }
    }
    if (random() < 0.04) {
      const since = lastActivityAt || now - SPAN;
      conversation.draft = { text: pick(random, DRAFTS[lang]), updatedAt: since + Math.floor(random() * (now - since)) };
    }
    if (random() < 0.02) conversation.marks = ['star'] satisfies ConversationMark[];
    if (isGroup && random() < 0.01) conversation.isReadOnly = true;
    out[i] = conversation;
  }
  return out;
}
