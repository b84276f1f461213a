import { InboxError } from '../errors.js';
import type { CommandResult, ConversationId, ConversationMark, MuteMode } from '../types.js';
import type { StoreContext } from './context.js';

/** The commands that can be undone for a while after they run (`InboxStoreOptions.undo`). */
export const UNDOABLE_OPERATIONS = ['deleteConversation', 'removeFromGroup', 'setMuteMode', 'markRead', 'setMark'] as const;

export type UndoableOperation = (typeof UNDOABLE_OPERATIONS)[number];

/** A command that can still be undone, as a toast shows it ("Deleted 12 conversations — Undo"). */
export interface UndoEntry {
  /** Unique within the store; pass it to `actions.undo(id)`. */
  readonly id: number;
  readonly operation: UndoableOperation;
  /** The conversations the command changed. */
  readonly ids: readonly ConversationId[];
  /** `removeFromGroup`: the group. */
  readonly groupName?: string;
  /** `setMuteMode`: the mode set. */
  readonly muteMode?: MuteMode;
  /** `setMark`: the mark set (only `hide` is undoable). */
  readonly mark?: ConversationMark;
  /**
   * `waiting`: nothing was sent yet, undo cancels the command. `sent`: the command was sent, undo sends its inverse
   * (shown pending too). `undoing`: the undo is under way.
   */
  readonly phase: 'waiting' | 'sent' | 'undoing';
  /** When the entry leaves `state.undoable` (ms, the store's clock). */
  readonly expiresAt: number;
}

/** How long commands can be undone, and whether they wait for that before they are sent. */
export interface UndoOptions {
  /** How long an undoable command can be undone, in ms. `0` turns undo off. @default 0 (off) */
  windowMs?: number;
  /**
   * Whether an undoable command waits for the window to end before its backend call is sent, so that undo sends
   * nothing. With `false`, it is sent at once and undo sends the inverse command. Deleting always waits: no
   * backend can bring a deleted conversation back. @default true
   */
  deferSend?: boolean;
}

/** What an undoable command registers: what it did and how to reverse it once sent (none: only before). */
export interface UndoRegistration {
  operation: UndoableOperation;
  ids: readonly ConversationId[];
  groupName?: string;
  muteMode?: MuteMode;
  mark?: ConversationMark;
  /**
   * Reverses the command for the ids it changed, as store commands (so the inverse shows as pending too). It must
   * start every command it sends before it first awaits: commands started later would offer their own undo.
   */
  inverse?: (succeeded: readonly ConversationId[]) => Promise<unknown>;
}

/** A registered command: it waits for `gate` (when deferred) and reports its result with `finished`. */
export interface UndoTicket {
  /** Resolves true when the command may be sent, false when it was undone first. Undefined: send at once. */
  gate: Promise<boolean> | undefined;
  finished(result: CommandResult | undefined): void;
}

interface LiveEntry {
  entry: UndoEntry;
  registration: UndoRegistration;
  timer: ReturnType<typeof setTimeout>;
  /** Settles the gate of a deferred command. */
  open?: (send: boolean) => void;
  /** The command's outcome, once known. */
  done: Promise<CommandResult | undefined>;
  finish: (result: CommandResult | undefined) => void;
}

const NONE: readonly UndoEntry[] = Object.freeze([]);

/** Reads `InboxStoreOptions.undo`. */
export function readUndoOptions(options: unknown): Required<UndoOptions> {
  if (options === undefined) return { windowMs: 0, deferSend: true };
  if (typeof options !== 'object' || options === null) throw new InboxError('INVALID_ARGUMENT', 'undo must be an object: { windowMs, deferSend }.');
  const { windowMs = 0, deferSend = true } = options as UndoOptions;
  if (typeof windowMs !== 'number' || !(windowMs >= 0) || !Number.isFinite(windowMs)) {
    throw new InboxError('INVALID_ARGUMENT', `undo.windowMs must be a finite number of ms (0 turns undo off), got ${String(windowMs)}.`);
  }
  if (typeof deferSend !== 'boolean') throw new InboxError('INVALID_ARGUMENT', 'undo.deferSend must be a boolean.');
  return { windowMs, deferSend };
}

/**
 * The undo window: each undoable command registers here, shows in `state.undoable` for `windowMs`, and can be
 * undone until then. Undo is honest about the backend: a command that has not been sent is cancelled (its change
 * rolls back, nothing is sent); one that was sent is reversed by its inverse command.
 */
export function createUndoWindow(ctx: StoreContext, options: Required<UndoOptions>, now: () => number) {
  const live = new Map<number, LiveEntry>();
  let nextId = 1;
  let published: readonly UndoEntry[] = NONE;
  // Set while an undo starts its inverse commands: they are the undo, not new commands to undo.
  let inverting = false;

  function publish(): void {
    published = live.size ? Object.freeze([...live.values()].map((l) => l.entry)) : NONE;
    ctx.commit({ undoable: published });
  }

  function update(id: number, phase: UndoEntry['phase']): void {
    const item = live.get(id);
    if (!item || item.entry.phase === phase) return;
    item.entry = Object.freeze({ ...item.entry, phase });
    publish();
  }

  function close(id: number): void {
    const item = live.get(id);
    if (!item) return;
    clearTimeout(item.timer);
    live.delete(id);
    publish();
  }

  return {
    get isEnabled() {
      return options.windowMs > 0;
    },

    /** Registers a command; undefined when undo is off. Called after validation, before the change is applied. */
    open(registration: UndoRegistration): UndoTicket | undefined {
      if (options.windowMs <= 0 || registration.ids.length === 0 || inverting) return undefined;
      const deferred = options.deferSend || !registration.inverse;
      const id = nextId++;
      let finish!: (result: CommandResult | undefined) => void;
      const done = new Promise<CommandResult | undefined>((resolve) => (finish = resolve));
      let open: ((send: boolean) => void) | undefined;
      const gate = deferred ? new Promise<boolean>((resolve) => (open = resolve)) : undefined;
      const entry: UndoEntry = Object.freeze({
        id,
        operation: registration.operation,
        ids: Object.freeze([...registration.ids]),
        ...(registration.groupName !== undefined && { groupName: registration.groupName }),
        ...(registration.muteMode !== undefined && { muteMode: registration.muteMode }),
        ...(registration.mark !== undefined && { mark: registration.mark }),
        phase: deferred ? 'waiting' : 'sent',
        expiresAt: now() + options.windowMs,
      });
      const timer = setTimeout(() => {
        // The window is over: a waiting command is sent now, and the entry leaves (unless an undo is under way).
        const item = live.get(id);
        if (!item || item.entry.phase === 'undoing') return;
        item.open?.(true);
        close(id);
      }, options.windowMs);
      live.set(id, { entry, registration, timer, open, done, finish });
      publish();
      return { gate, finished: finish };
    },

    /**
     * Undoes the newest undoable command, or the one with `id`. Resolves when the command is cancelled or its
     * inverse has settled; rejects with the inverse's error (also shown on the rows and sent to `onError`).
     */
    async undo(id?: number): Promise<void> {
      if (id !== undefined && (typeof id !== 'number' || !live.has(id))) {
        throw new InboxError('INVALID_ARGUMENT', `There is no command ${String(id)} to undo (it may have expired).`);
      }
      const target = id ?? [...live.keys()].reverse().find((key) => live.get(key)!.entry.phase !== 'undoing');
      const item = target === undefined ? undefined : live.get(target);
      if (!item || item.entry.phase === 'undoing') return;
      if (item.entry.phase === 'waiting') {
        item.open!(false);
        close(item.entry.id);
        return;
      }
      update(item.entry.id, 'undoing');
      try {
        // The inverse goes after the command's own answer, so the backend sees them in order.
        const result = await item.done;
        const succeeded = result?.succeeded ?? [];
        if (succeeded.length) {
          // An inverse starts its commands synchronously (all of them), so they see `inverting`.
          inverting = true;
          let inverse: Promise<unknown>;
          try {
            inverse = item.registration.inverse!(succeeded);
          } finally {
            inverting = false;
          }
          await inverse;
        }
      } finally {
        close(item.entry.id);
      }
    },

    /** Stops offering undo for one command (or all): a waiting command is sent at once. */
    dismiss(id?: number): void {
      for (const item of [...live.values()]) {
        if (id !== undefined && item.entry.id !== id) continue;
        if (item.entry.phase === 'undoing') continue;
        item.open?.(true);
        close(item.entry.id);
      }
    },
  };
}

export type UndoWindow = ReturnType<typeof createUndoWindow>;

/** Runs a command under an undo ticket (none: at once), reporting its outcome to the ticket however it ends. */
export async function withUndo(ticket: UndoTicket | undefined, run: (gate: Promise<boolean> | undefined) => Promise<CommandResult>): Promise<CommandResult> {
  let result: CommandResult | undefined;
  try {
    result = await run(ticket?.gate);
    return result;
  } finally {
    ticket?.finished(result);
  }
}
