import { createTencentAdapter } from '../../src/adapters/tencent/index.js';
import type { MuteMode } from '../../src/core/types.js';
import {
  createFakeTencentChat,
  FakeTencentCloudChat,
  type FakeTencentChat,
  type FakeTencentConversationSeed,
} from '../../src/testing/fakeTencentChat.js';
import { describeAdapterConformance, type ConformanceFixture, type ConformanceHarness } from '../../src/testing/index.js';

const { TYPES } = FakeTencentCloudChat;

const REMIND: Record<MuteMode, string> = {
  none: TYPES.MSG_REMIND_ACPT_AND_NOTE,
  silent: TYPES.MSG_REMIND_ACPT_NOT_NOTE,
  silentExceptMention: TYPES.NOT_RECEIVE_OFFLINE_PUSH_EXCEPT_AT,
  blocked: TYPES.MSG_REMIND_DISCARD,
};

/**
 * The fixture in SDK shape: seconds, remind-type strings, group names per conversation. Titles come out of the
 * SDK's rule: every fourth direct chat has a friend remark (the key) over a different nickname, the others a
 * nickname; groups have a group name.
 */
function toSeeds(fixture: ConformanceFixture): { seeds: FakeTencentConversationSeed[]; idOf: (key: string) => string } {
  const ids = new Map<string, string>();
  const seeds = fixture.conversations.map((c, index): FakeTencentConversationSeed => {
    const common = {
      unreadCount: c.unreadCount,
      isPinned: c.isPinned,
      messageRemindType: REMIND[c.muteMode],
      conversationGroupList: [...c.groupNames],
      lastMessage: { lastTime: c.lastActivityAt / 1000, messageForShow: `last message of ${c.key}`, fromAccount: `user_${c.key}` },
    };
    if (c.kind === 'direct') {
      const userID = `user_${c.key}`;
      const withRemark = index % 4 === 0;
      ids.set(c.key, `C2C${userID}`);
      return {
        ...common,
        conversationID: `C2C${userID}`,
        remark: withRemark ? c.key : '',
        userProfile: { userID, nick: withRemark ? `Nickname of ${c.key}` : c.key, avatar: `https://example.com/${c.key}.png` },
      };
    }
    const groupID = `@TGS#${c.key}`;
    ids.set(c.key, `GROUP${groupID}`);
    return { ...common, conversationID: `GROUP${groupID}`, groupProfile: { groupID, name: c.key, type: TYPES.GRP_PUBLIC } };
  });
  return {
    seeds,
    idOf: (key) => {
      const id = ids.get(key);
      if (!id) throw new Error(`No conversation with key ${key}.`);
      return id;
    },
  };
}

function tencentHarness(fixture: ConformanceFixture): ConformanceHarness {
  const { seeds, idOf } = toSeeds(fixture);
  // The SDK's real throttle (1 s, trailing); settle() fires pending trailing emits at once.
  const chat: FakeTencentChat = createFakeTencentChat({ conversations: seeds, groups: fixture.groups, throttleMs: 1000 });
  const adapter = createTencentAdapter({ chat, TencentCloudChat: FakeTencentCloudChat, now: () => fixture.now });
  return {
    adapter,
    receiveMessage: (key, preview, at) => chat.simulateMessage(idOf(key), preview, at / 1000),
    settle: async () => {
      chat.flush();
      await Promise.resolve();
    },
    dispose: () => chat.dispose(),
  };
}

describeAdapterConformance('tencent', tencentHarness, { muteModes: ['none', 'silent', 'silentExceptMention', 'blocked'] });
