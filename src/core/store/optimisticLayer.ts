import { conversationsEqual } from '../equal.js';
import type { Conversation, ConversationId, Draft } from '../types.js';

/** An optimistic change to one conversation: the new value, or null when the command removes it. */
export type Patch = (conversation: Conversation) => Conversation | null;

/** One command's optimistic change, to its conversations and (for group commands) to the group names. */
export interface Op {
  patch: Patch;
  registry?: (names: readonly string[]) => readonly string[];
}

const EMPTY: readonly string[] = Object.freeze([]);

/**
 * The optimistic layer: what the backend confirmed (`base`), the commands still in flight on top of it (a stack of
 * ops per conversation, and one for the group names), and the drafts typed through the kit. What is shown is
 * always recomputed from these (`refresh`), so settling or rolling back one command removes exactly its change and
 * keeps every other command's.
 *
 * @param show receives what is shown for a conversation whenever it may have changed
 * @param showGroupNames receives the group names shown, whenever they may have changed
 */
export function createOptimisticLayer(
  initialDrafts: Iterable<[ConversationId, Draft | undefined]>,
  current: (id: ConversationId) => Conversation | undefined,
  show: (id: ConversationId, conversation: Conversation | undefined) => void,
  showGroupNames: (names: readonly string[]) => void,
) {
  const base = new Map<ConversationId, Conversation>();
  const opsById = new Map<ConversationId, Op[]>();
  // drafts typed through the kit (or restored from draft storage) win over the backend's; `undefined` = cleared
  const localDrafts = new Map<ConversationId, Draft | undefined>(initialDrafts);
  let draftsChanged = false;
  let registryBase: readonly string[] = EMPTY;
  const registryOps: Op[] = [];

  function compute(id: ConversationId): Conversation | undefined {
    let conversation = base.get(id);
    const draft = localDrafts.get(id);
    if (conversation && localDrafts.has(id) && conversation.draft?.text !== draft?.text) {
      if (draft) conversation = { ...conversation, draft };
      else {
        const { draft: _omit, ...rest } = conversation;
        conversation = rest;
      }
    }
    for (const op of opsById.get(id) ?? []) {
      if (!conversation) break;
      conversation = op.patch(conversation) ?? undefined;
    }
    return conversation;
  }

  /** Recomputes what is shown for `id`, keeping the shown object when nothing in it changed. */
  function refresh(id: ConversationId): void {
    const prev = current(id);
    const next = compute(id);
    show(id, next && prev && conversationsEqual(prev, next) ? prev : next);
  }

  /** Every draft typed through the kit, as a new map. */
  function drafts(): ReadonlyMap<ConversationId, Draft> {
    const all = new Map<ConversationId, Draft>();
    for (const [id, draft] of localDrafts) if (draft) all.set(id, draft);
    return all;
  }

  function refreshGroupNames(): void {
    let names = registryBase;
    for (const op of registryOps) names = op.registry!(names);
    showGroupNames(names);
  }

  return {
    refresh,
    confirmed: (id: ConversationId) => base.get(id),
    confirmedIds: () => base.keys(),
    get confirmedCount() {
      return base.size;
    },

    /** The backend's value for a conversation (kept when equal, so unchanged rows keep their object). */
    ingest(conversation: Conversation): void {
      const prev = base.get(conversation.id);
      base.set(conversation.id, prev && conversationsEqual(prev, conversation) ? prev : conversation);
      refresh(conversation.id);
    },

    /** The backend no longer lists the conversation. */
    drop(id: ConversationId): void {
      base.delete(id);
      refresh(id);
    },

    /** The backend's group names, in its order. */
    setConfirmedGroupNames(names: readonly string[]): void {
      registryBase = names;
      refreshGroupNames();
    },
    get confirmedGroupNames() {
      return registryBase;
    },

    /** Shows a command's change on `ids` (and on the group names) until it is settled. */
    addOp(ids: readonly ConversationId[], op: Op): void {
      for (const id of ids) {
        const list = opsById.get(id);
        if (list) list.push(op);
        else opsById.set(id, [op]);
        refresh(id);
      }
      if (op.registry) {
        registryOps.push(op);
        refreshGroupNames();
      }
    },

    /** Removes the op for `ids`; when `confirm`, folds its patch into the confirmed state first. */
    settleOp(ids: readonly ConversationId[], op: Op, confirm: boolean): void {
      for (const id of ids) {
        const list = opsById.get(id);
        const index = list ? list.indexOf(op) : -1;
        if (index < 0) continue;
        list!.splice(index, 1);
        if (list!.length === 0) opsById.delete(id);
        const confirmed = confirm ? base.get(id) : undefined;
        if (confirmed) {
          const next = op.patch(confirmed);
          if (next) base.set(id, next);
          else base.delete(id);
        }
        refresh(id);
      }
    },

    /** Settles the op's change to the group names. */
    settleGroupNames(op: Op, confirm: boolean): void {
      const index = registryOps.indexOf(op);
      if (index < 0) return;
      registryOps.splice(index, 1);
      if (confirm) registryBase = op.registry!(registryBase);
      refreshGroupNames();
    },

    /** A draft typed through the kit (`undefined`: cleared); it wins over the backend's. */
    setLocalDraft(id: ConversationId, draft: Draft | undefined): void {
      localDrafts.set(id, draft);
      draftsChanged = true;
      refresh(id);
    },
    /** The draft text typed through the kit, if any was. */
    localDraftText: (id: ConversationId): string | undefined => (localDrafts.has(id) ? (localDrafts.get(id)?.text ?? '') : undefined),

    /** Every draft typed through the kit, as a new map when they changed since the last call, else undefined. */
    takeChangedDrafts(): ReadonlyMap<ConversationId, Draft> | undefined {
      if (!draftsChanged) return undefined;
      draftsChanged = false;
      return drafts();
    },
    drafts,
  };
}

export type OptimisticLayer = ReturnType<typeof createOptimisticLayer>;
