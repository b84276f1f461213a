import { InboxError, toInboxError } from '../errors.js';
import type { ConversationId } from '../types.js';
import { assertMuteMode, assertString } from '../validate.js';
import type { StoreContext } from './context.js';
import type { Patch } from './optimisticLayer.js';
import { fail, runCommand, runOnKnown } from './runCommand.js';
import type { InboxActions } from './types.js';

type AccountCommands = Pick<InboxActions, 'setCustomData' | 'setGlobalReceiveOption' | 'clearAllConversations'>;

/**
 * Commands beyond one conversation's flags: the app's custom data, the account-wide receive option, clearing the
 * whole list. Each checks the backend's capability first and rejects with NOT_SUPPORTED, changing nothing.
 */
export function createAccountCommands(ctx: StoreContext): AccountCommands {
  const { adapter, indexes } = ctx;

  function unsupported(what: string): InboxError {
    return new InboxError('NOT_SUPPORTED', `The ${adapter.name} backend cannot ${what}.`);
  }

  return {
    setCustomData: async (ids, data) => {
      const max = ctx.capabilities.customDataMaxLength ?? 0;
      if (max <= 0 || typeof adapter.setCustomData !== 'function') throw unsupported('store custom data');
      assertString(data, 'the custom data');
      if (data.length > max) throw new InboxError('INVALID_ARGUMENT', `Custom data is at most ${max} characters, got ${data.length}.`);
      const patch: Patch = (c) => (c.customData === data ? c : { ...c, customData: data });
      return runOnKnown(ctx, 'setCustomData', ids, { patch }, (known) => adapter.setCustomData!(known, data));
    },

    setGlobalReceiveOption: async (mode) => {
      assertMuteMode(mode);
      const modes = ctx.capabilities.globalReceiveModes ?? [];
      if (modes.length === 0 || typeof adapter.setGlobalReceiveOption !== 'function') throw unsupported('set an account-wide receive option');
      if (!modes.includes(mode)) throw unsupported(`set "${mode}" as the account-wide receive option`);
      const before = ctx.getState().globalReceiveOption;
      if (before === mode) return;
      // Not a conversation's flag: shown at once and put back exactly when the backend refuses.
      ctx.commit({ globalReceiveOption: mode });
      try {
        await ctx.guard.run('setGlobalReceiveOption', () => adapter.setGlobalReceiveOption!(mode));
      } catch (cause) {
        if (ctx.getState().globalReceiveOption === mode) ctx.commit({ globalReceiveOption: before });
        throw fail(ctx, toInboxError(cause), { operation: 'setGlobalReceiveOption' });
      }
    },

    clearAllConversations: async () => {
      if (!ctx.capabilities.clearAll || typeof adapter.clearAllConversations !== 'function') throw unsupported('clear every conversation');
      const ids: ConversationId[] = [...indexes.values()].map((c) => c.id);
      await runCommand(ctx, 'clearAllConversations', ids, { patch: () => null }, () => adapter.clearAllConversations!());
    },
  };
}
