import { InboxError, quote } from '../errors.js';
import type { ConversationId } from '../types.js';
import { assertGroupName, assertNoGroupNamed, assertString, normalizeGroupName } from '../validate.js';
import type { StoreContext } from './context.js';
import type { Op, Patch } from './optimisticLayer.js';
import { runBatch, type BatchLimits, type BatchPlan } from './runBatch.js';
import { runCommand, runOnKnown } from './runCommand.js';
import type { InboxActions } from './types.js';
import type { UndoWindow } from './undoWindow.js';

const withGroup =
  (name: string): Patch =>
  (c) =>
    c.groupNames.includes(name) ? c : { ...c, groupNames: [...c.groupNames, name] };

const withoutGroup =
  (name: string): Patch =>
  (c) =>
    c.groupNames.includes(name) ? { ...c, groupNames: c.groupNames.filter((n) => n !== name) } : c;

type GroupCommands = Pick<InboxActions, 'createGroup' | 'renameGroup' | 'deleteGroup' | 'addToGroup' | 'removeFromGroup'>;

/** The commands on conversation groups ("folders"): the backend's limits are checked before anything changes. */
export function createGroupCommands(ctx: StoreContext, undo: UndoWindow, limits: BatchLimits): GroupCommands {
  const { adapter, indexes } = ctx;

  function requireGroups(): void {
    if (ctx.capabilities.groups === 'none') throw new InboxError('NOT_SUPPORTED', `The ${adapter.name} backend has no conversation groups.`);
  }

  /** Validates a group command on an existing group and returns its current members. */
  function existingGroup(name: unknown): ConversationId[] {
    requireGroups();
    assertString(name, 'the group name');
    if (!indexes.groupNames.includes(name)) throw new InboxError('GROUP_NOT_FOUND', `There is no group named ${quote(name)}.`, { sdkCode: 51009 });
    return indexes.members(name);
  }

  /**
   * Validates a name for a new group and returns it normalized (NFC, trimmed). A name that differs from an
   * existing one only in Unicode form or surrounding spaces is that name: users cannot tell them apart.
   * `except` is the group being renamed.
   */
  function newGroupName(name: unknown, except?: string): string {
    requireGroups();
    assertGroupName(name, ctx.capabilities.groupNameMaxBytes);
    const normalized = normalizeGroupName(name);
    assertNoGroupNamed(indexes.groupNames, normalized, except);
    return normalized;
  }

  /** Tencent limits how many conversations may be in groups at all (51008). */
  function assertGroupedLimit(name: string, ids: readonly ConversationId[]): void {
    let total = ids.filter((id) => indexes.get(id)?.groupNames.length === 0).length;
    if (total === 0) return;
    for (const conversation of indexes.values()) if (conversation.groupNames.length > 0) total++;
    const max = ctx.capabilities.maxGroupedConversations;
    if (total > max) {
      throw new InboxError('GROUPED_CONVERSATION_LIMIT_EXCEEDED', `At most ${max} conversations can be in groups ("${name}" would make ${total}).`, {
        sdkCode: 51008,
      });
    }
  }

  return {
    createGroup: async (rawName, ids = []) => {
      const name = newGroupName(rawName);
      const { maxGroups, emptyGroups } = ctx.capabilities;
      if (indexes.groupNames.length >= maxGroups) {
        throw new InboxError('GROUP_LIMIT_EXCEEDED', `At most ${maxGroups} groups can be created.`, { sdkCode: 51010 });
      }
      const op: Op = { patch: withGroup(name), registry: (names) => (names.includes(name) ? names : [...names, name]) };
      return runOnKnown(ctx, 'createGroup', ids, op, (known) => adapter.createGroup(name, known), { groupName: name }, (known) => {
        if (known.length === 0 && emptyGroups === false) {
          throw new InboxError('INVALID_ARGUMENT', `The ${adapter.name} backend creates a group only with at least one conversation.`);
        }
        assertGroupedLimit(name, known);
      });
    },

    renameGroup: async (oldName, rawNewName) => {
      const members = existingGroup(oldName);
      const newName = newGroupName(rawNewName, oldName);
      if (oldName === newName) return;
      const rename = (n: string) => (n === oldName ? newName : n);
      const op: Op = {
        // De-duplicated: the backend may already list the conversation under the new name (OpenIM tells the new
        // membership before the rename settles), and a name twice would count its unread twice.
        patch: (c) => (c.groupNames.includes(oldName) ? { ...c, groupNames: [...new Set(c.groupNames.map(rename))] } : c),
        registry: (names) => [...new Set(names.map(rename))],
      };
      await runCommand(ctx, 'renameGroup', members, op, () => adapter.renameGroup(oldName, newName), { groupName: oldName });
    },

    deleteGroup: async (name) => {
      const members = existingGroup(name);
      const op: Op = { patch: withoutGroup(name), registry: (names) => names.filter((n) => n !== name) };
      await runCommand(ctx, 'deleteGroup', members, op, () => adapter.deleteGroup(name), { groupName: name });
    },

    addToGroup: async (name, ids) => {
      existingGroup(name);
      const plan: BatchPlan = {
        operation: 'addToGroup',
        op: { patch: withGroup(name) },
        call: (chunk) => adapter.addToGroup(name, chunk),
        context: { groupName: name },
        check: (known) => assertGroupedLimit(name, known),
      };
      return runBatch(ctx, ids, plan, limits);
    },

    removeFromGroup: async (name, ids) => {
      existingGroup(name);
      const plan: BatchPlan = {
        operation: 'removeFromGroup',
        op: { patch: withoutGroup(name) },
        call: (chunk) => adapter.removeFromGroup(name, chunk),
        context: { groupName: name },
        // Moving conversations out of a group can be undone: once sent, they are put back (the group is created
        // again when the backend dropped it with its last conversation).
        undo: (applied) =>
          undo.open({
            operation: 'removeFromGroup',
            ids: applied,
            groupName: name,
            inverse: (succeeded) => {
              const { actions, groupNames } = ctx.getState();
              return groupNames.includes(name) ? actions.addToGroup(name, succeeded) : actions.createGroup(name, succeeded);
            },
          }),
      };
      return runBatch(ctx, ids, plan, limits);
    },
  };
}
