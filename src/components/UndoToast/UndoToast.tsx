'use client';
import type { HTMLAttributes } from 'react';
import { forwardRef, useState } from 'react';
import { useStore } from 'zustand';
import { toInboxError, type InboxError } from '../../core/errors.js';
import type { InboxState, InboxStore, UndoEntry } from '../../core/store.js';
import { InboxStoreContext, useInboxStore } from '../../react/context.js';
import { useInboxShortcuts, type InboxShortcutsOptions } from '../../react/useInboxShortcuts.js';
import { errorText } from '../controls/errorText.js';
import { useMessages, usePlural } from '../internal/i18n.js';
import { controlsMessages } from '../internal/messages/controls.js';
import { undoMessages } from '../internal/messages/undo.js';
import { dataFlag, resolveStyleProps, type StyleRenderProps } from '../internal/renderProps.js';

/** State of the toast, for `className` and `style` functions. */
export interface UndoToastRenderProps {
  /** The command offered for undo, if any. @selector [data-operation] */
  entry: UndoEntry | undefined;
  /** An undo is under way. @selector [data-undoing] */
  isUndoing: boolean;
}

export interface UndoToastProps
  extends StyleRenderProps<UndoToastRenderProps>,
    Omit<HTMLAttributes<HTMLDivElement>, 'className' | 'style' | 'children'> {
  /** A store to use instead of the provider's. */
  store?: InboxStore;
  /**
   * The undo key, as `useInboxShortcuts` takes it (`[]` turns it off). @default 'Mod+KeyZ' (⌘Z on Apple platforms,
   * Ctrl+Z elsewhere), listened for on the document while the toast shows, not in text fields.
   */
  undoKeys?: string | readonly string[];
}

const selectUndoable = (state: InboxState) => state.undoable;

/** The key shortcut as `aria-keyshortcuts` spells it. */
function ariaShortcut(): string {
  const platform = typeof navigator === 'undefined' ? '' : navigator.platform;
  return /mac|iphone|ipad/i.test(platform) ? 'Meta+Z' : 'Control+Z';
}

/**
 * Offers to undo the newest undoable command ("Deleted 12 conversations — Undo") while its window is open
 * (`InboxStoreOptions.undo`): the Undo button, or Ctrl/⌘+Z anywhere outside a text field. Undo is honest about the
 * backend: a command not sent yet is cancelled, one already sent is reversed (its rows show as pending meanwhile).
 * The toast is a polite live region; it renders nothing while there is nothing to undo, and leaves by itself when
 * the window ends. Place it where toasts go in your app (`Inbox` puts it at the foot of the list).
 */
export const UndoToast = forwardRef<HTMLDivElement, UndoToastProps>(function UndoToast(
  { store: storeProp, undoKeys, className, style, ...rest },
  ref,
) {
  const store = useInboxStore(storeProp, 'UndoToast');
  const t = useMessages(undoMessages, controlsMessages);
  const plural = usePlural(undoMessages);
  const undoable = useStore(store, selectUndoable);
  const capabilities = useStore(store, (state) => state.capabilities);
  const entry = undoable.at(-1);
  const [failure, setFailure] = useState<InboxError | null>(null);

  const undo = () => {
    if (!entry || entry.phase === 'undoing') return;
    setFailure(null);
    store
      .getState()
      .actions.undo(entry.id)
      .catch((cause: unknown) => setFailure(toInboxError(cause)));
  };
  const keys: InboxShortcutsOptions['keys'] = undoKeys === undefined ? undefined : { undo: undoKeys };
  useInboxShortcuts({ undo }, { keys, enabled: entry !== undefined && entry.phase !== 'undoing' });

  const isUndoing = entry?.phase === 'undoing';
  const resolved = resolveStyleProps('ik-UndoToast', className, style, { entry, isUndoing });
  let text = '';
  if (failure) text = t('undo.failed', { message: errorText(failure, t, capabilities) });
  else if (entry) {
    text = plural(`undo.${entry.operation}`, entry.ids.length, { group: entry.groupName ?? '' });
  }

  const content = (
    <div
      {...rest}
      ref={ref}
      {...resolved}
      role="status"
      data-empty={dataFlag(!entry && !failure)}
      data-operation={entry?.operation}
      data-undoing={dataFlag(isUndoing)}
      data-error={dataFlag(!!failure)}
    >
      {(entry || failure) && (
        <>
          <span className="ik-UndoToast-text">{text}</span>
          {entry && (
            <button
              type="button"
              className="ik-UndoToast-undo"
              aria-keyshortcuts={undoKeys === undefined ? ariaShortcut() : undefined}
              aria-disabled={isUndoing || undefined}
              onClick={undo}
            >
              {t(isUndoing ? 'undo.undoing' : 'undo.action')}
            </button>
          )}
          <button
            type="button"
            className="ik-UndoToast-dismiss"
            aria-label={t('undo.dismiss')}
            title={t('undo.dismiss')}
            onClick={() => {
              setFailure(null);
              if (entry) store.getState().actions.dismissUndo(entry.id);
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        </>
      )}
    </div>
  );
  return storeProp ? <InboxStoreContext.Provider value={storeProp}>{content}</InboxStoreContext.Provider> : content;
});
