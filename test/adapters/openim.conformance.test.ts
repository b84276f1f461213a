import { createMemoryGroupRegistry, createOpenIMAdapter } from '../../src/adapters/openim/index.js';
import type { MuteMode } from '../../src/core/types.js';
import { createFakeOpenIMSdk, fakeOpenIMConversationId, fakeOpenIMTextMessage, type FakeOpenIMConversationSeed } from '../../src/testing/fakeOpenIMSdk.js';
import { describeAdapterConformance, type ConformanceFixture, type ConformanceHarness } from '../../src/testing/index.js';

const SELF = 'me';
const RECV_MSG_OPT: Partial<Record<MuteMode, number>> = { none: 0, blocked: 1, silent: 2 };

/** The fixture as rows of the fake SDK's table: the key is the peer/group id and the `showName`. */
function toRows(fixture: ConformanceFixture, emulatedGroups: boolean): FakeOpenIMConversationSeed[] {
  return fixture.conversations.map((c) => {
    const sessionType = c.kind === 'group' ? 3 : 1;
    const recvMsgOpt = RECV_MSG_OPT[c.muteMode];
    if (recvMsgOpt === undefined) throw new Error(`OpenIM cannot represent mute mode ${c.muteMode}.`);
    return {
      conversationID: fakeOpenIMConversationId(SELF, sessionType, c.key),
      conversationType: sessionType,
      showName: c.key,
      unreadCount: c.unreadCount,
      recvMsgOpt,
      isPinned: c.isPinned,
      latestMsgSendTime: c.lastActivityAt,
      latestMsg: fakeOpenIMTextMessage(`last message of ${c.key}`, c.lastActivityAt, { sendID: c.key }),
      ex: emulatedGroups && c.groupNames.length > 0 ? JSON.stringify({ inboxkit: { groups: c.groupNames } }) : '',
    };
  });
}

function openIMHarness(mode: 'emulated' | 'native') {
  return (fixture: ConformanceFixture): ConformanceHarness => {
    const rows = toRows(fixture, mode === 'emulated');
    const idOf = (key: string) => rows.find((row) => row.showName === key)!.conversationID;
    const sdk = createFakeOpenIMSdk({
      selfUserId: SELF,
      conversations: rows,
      now: () => fixture.now,
      nativeGroups: mode === 'native',
      conversationGroups: fixture.groups.map((name) => ({
        name,
        conversationIDs: fixture.conversations.filter((c) => c.groupNames.includes(name)).map((c) => idOf(c.key)),
      })),
    });
    const adapter = createOpenIMAdapter({
      sdk,
      ...(mode === 'emulated' ? { groupRegistry: createMemoryGroupRegistry(fixture.groups) } : {}),
    });
    return {
      adapter,
      receiveMessage: (key, preview, at) => {
        sdk.simulateMessage(idOf(key), preview, at);
      },
    };
  };
}

describeAdapterConformance('openim (emulated groups)', openIMHarness('emulated'), { muteModes: ['none', 'silent', 'blocked'] });

describeAdapterConformance('openim (native enterprise groups)', openIMHarness('native'), { muteModes: ['none', 'silent', 'blocked'] });
