import type { ConversationGroupsResult } from '../../react/useConversationGroups.js';
import type { ConversationId, OperationResult } from '../../core/types.js';

/**
 * Makes a group's members `after`, from `before`: removes first, then adds, so that conversations leaving their only
 * group free room under the backend's grouped-conversation limit before others take it. Resolves with the per-id
 * failures of both (each rolled back by the store); rejects when a whole call fails.
 */
export async function saveMembership(
  commands: Pick<ConversationGroupsResult, 'addToGroup' | 'removeFromGroup'>,
  name: string,
  before: readonly ConversationId[],
  after: ReadonlySet<ConversationId>,
): Promise<OperationResult['failed']> {
  const had = new Set(before);
  const removed = before.filter((id) => !after.has(id));
  const added = [...after].filter((id) => !had.has(id));
  const failed: OperationResult['failed'] = [];
  if (removed.length > 0) failed.push(...(await commands.removeFromGroup(name, removed)).failed);
  if (added.length > 0) failed.push(...(await commands.addToGroup(name, added)).failed);
  return failed;
}
