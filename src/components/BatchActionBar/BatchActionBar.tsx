'use client';
import type { HTMLAttributes, WheelEvent } from 'react';
import { forwardRef, useRef, useState } from 'react';
import type { InboxStore } from '../../core/store.js';
import type { CommandResult, ConversationId, MuteMode } from '../../core/types.js';
import { InboxStoreContext, useInboxStore } from '../../react/context.js';
import { SelectedIds } from '../../react/selectedIds.js';
import { useConversationGroups } from '../../react/useConversationGroups.js';
import { DeleteDialog } from '../controls/DeleteDialog.js';
import { errorText } from '../controls/errorText.js';
import { isRtl } from '../internal/dom.js';
import { useIdent } from '../internal/hooks.js';
import { useMessages, usePlural, type ConversationItemMessageId } from '../internal/i18n.js';
import { actionsMessages } from '../internal/messages/actions.js';
import { batchMessages } from '../internal/messages/batch.js';
import { controlsMessages } from '../internal/messages/controls.js';
import { itemMessages } from '../internal/messages/item.js';
import { MenuItem } from '../internal/Menu.js';
import { dataFlag, resolveStyleProps, type StyleRenderProps } from '../internal/renderProps.js';
import { BatchMenuButton } from './BatchMenuButton.js';
import { useBatchRun, type BatchAction, type BatchActionResult } from './useBatchRun.js';
import { useRovingToolbar } from './useRovingToolbar.js';

/** State of the bar, for `className` and `style` functions. */
export interface BatchActionBarRenderProps {
  /** Conversations selected. @selector [data-count] */
  count: number;
  /** A batch is running. @selector [data-busy] */
  isBusy: boolean;
  /** Some ids of the last batch failed (or all of it). @selector [data-failed] */
  hasFailures: boolean;
}

export interface BatchActionBarProps
  extends StyleRenderProps<BatchActionBarRenderProps>,
    Omit<HTMLAttributes<HTMLDivElement>, 'className' | 'style' | 'children' | 'dir'> {
  /** The selected conversations (`useConversationSelection().selectedIds`, or any list of ids). */
  ids: ReadonlySet<ConversationId> | readonly ConversationId[];
  /** The group the list shows: the bar then offers "Remove from “{group}”". */
  groupName?: string;
  /** Shows a "Clear selection" button that calls it. */
  onClearSelection?: () => void;
  /** Called when a batch settled, with its per-id result (`undone` ids when it was undone before it was sent). */
  onResult?: (result: BatchActionResult) => void;
  /** A store to use instead of the provider's. */
  store?: InboxStore;
  /** Text direction of the menus. Inherited when absent. */
  dir?: 'ltr' | 'rtl';
}

/** The mute modes the bar offers: the ones some conversation kind of the backend can take, in this order. */
const MODES: readonly MuteMode[] = ['silent', 'silentExceptMention', 'blocked', 'none'];
const MODE_LABELS: Record<MuteMode, ConversationItemMessageId | 'batch.unmute'> = {
  silent: 'item.muted.silent',
  silentExceptMention: 'item.muted.silentExceptMention',
  blocked: 'item.muted.blocked',
  none: 'batch.unmute',
};

/** A mouse wheel turned over the actions scrolls them sideways when they overflow (nothing else scrolls there). */
function scrollSideways(event: WheelEvent<HTMLDivElement>) {
  const strip = event.currentTarget;
  if (strip.scrollWidth <= strip.clientWidth || Math.abs(event.deltaX) >= Math.abs(event.deltaY)) return;
  strip.scrollBy({ left: isRtl(strip) ? -event.deltaY : event.deltaY });
}

/**
 * The selection as it is when a button is pressed, so that later changes to it do not change a running batch. A
 * selection from `useConversationSelection` never changes and hands out its ids without copying them (a whole list
 * of 100,000 is read in place); anything else is copied.
 */
function idsNow(ids: ReadonlySet<ConversationId> | readonly ConversationId[]): readonly ConversationId[] {
  return ids instanceof SelectedIds ? ids.toArray() : [...ids];
}

/**
 * The actions for many conversations at once, for a selection: mark read or unread, pin or unpin, notifications,
 * move to or remove from a group, delete (asking first, with the history option). Each runs as one batch with per-id
 * results: ids that fail are rolled back and show their failure on their rows, and the bar sums up ("10 done,
 * 2 failed") with Retry for the failed ones. What the backend cannot do stays visible, disabled, saying why.
 *
 * An ARIA toolbar (one tab stop, arrows between buttons); its summary is a polite live region. Renders nothing when
 * `ids` is empty. Themeable through `.ik-BatchActionBar` and its data attributes.
 */
export const BatchActionBar = forwardRef<HTMLDivElement, BatchActionBarProps>(function BatchActionBar(
  { ids, groupName, onClearSelection, onResult, store: storeProp, dir, className, style, ...rest },
  ref,
) {
  const store = useInboxStore(storeProp, 'BatchActionBar');
  const t = useMessages(batchMessages, actionsMessages, itemMessages, controlsMessages);
  const plural = usePlural(batchMessages);
  const { groups, capabilities } = useConversationGroups(store);
  const batch = useBatchRun(onResult);
  const toolbar = useRovingToolbar();
  const [deleting, setDeleting] = useState<readonly ConversationId[] | null>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const baseId = useIdent('ik-batch');
  const count = Array.isArray(ids) ? ids.length : (ids as ReadonlySet<ConversationId>).size;
  if (count === 0 && deleting === null) return null;

  const isBusy = batch.state.status === 'running';
  const actions = () => store.getState().actions;
  const run = (action: BatchAction, command: (list: readonly ConversationId[]) => Promise<CommandResult>) => () => {
    if (!isBusy) void batch.run(action, idsNow(ids), command);
  };
  const unsupported = t('actions.unsupported');
  const offeredModes = MODES.filter((mode) => {
    const allowed = capabilities.muteModes;
    return !allowed || Object.values(allowed).some((modes) => modes?.includes(mode));
  });

  const button = (action: BatchAction, label: string, onPress: () => void, reason?: string) => (
    <>
      <button
        type="button"
        className="ik-BatchActionBar-button"
        data-action={action}
        aria-disabled={isBusy || reason !== undefined || undefined}
        aria-describedby={reason !== undefined ? `${baseId}-${action}-reason` : undefined}
        onClick={() => isBusy || reason !== undefined || onPress()}
        ref={action === 'delete' ? deleteRef : undefined}
      >
        {label}
      </button>
      {reason !== undefined && (
        <span id={`${baseId}-${action}-reason`} hidden>
          {reason}
        </span>
      )}
    </>
  );

  const { state } = batch;
  let summary = '';
  if (state.status === 'running') summary = t('batch.working');
  else if (state.status === 'failed') summary = errorText(state.error, t, capabilities);
  else if (state.status === 'done') {
    const { succeeded, failed, undone } = state.result;
    summary = undone?.length
      ? t('batch.undone')
      : failed.length
        ? t('batch.result', { done: succeeded.length, failed: failed.length })
        : t('batch.allDone', { done: succeeded.length });
  }
  const hasFailures = state.status === 'failed' || (state.status === 'done' && state.result.failed.length > 0);
  const renderProps: BatchActionBarRenderProps = { count, isBusy, hasFailures };

  const content = (
    <div
      {...rest}
      ref={ref}
      {...resolveStyleProps('ik-BatchActionBar', className, style, renderProps)}
      data-count={count}
      data-busy={dataFlag(isBusy)}
      data-failed={dataFlag(hasFailures)}
    >
      <div
        ref={toolbar.ref}
        role="toolbar"
        aria-label={t('batch.toolbar')}
        aria-describedby={`${baseId}-count`}
        className="ik-BatchActionBar-toolbar"
        onKeyDown={toolbar.onKeyDown}
        onFocus={toolbar.onFocus}
      >
        <span id={`${baseId}-count`} className="ik-BatchActionBar-count">
          {plural('batch.selected', count)}
        </span>
        {/* One line that scrolls sideways when narrow (a phone, a list column): the count and × stay in view. */}
        <div className="ik-BatchActionBar-actions" onWheel={scrollSideways}>
        {button('markRead', t('batch.markRead'), run('markRead', (list) => actions().markReadMany(list)))}
        {button(
          'markUnread',
          t('batch.markUnread'),
          run('markUnread', (list) => actions().setMark(list, 'unread', true)),
          capabilities.marks.includes('unread') ? undefined : unsupported,
        )}
        {button('pin', t('batch.pin'), run('pin', (list) => actions().pinMany(list, true)))}
        {button('unpin', t('batch.unpin'), run('unpin', (list) => actions().pinMany(list, false)))}
        <BatchMenuButton label={t('batch.notifications')} action="mute" isBusy={isBusy} dir={dir}>
          {offeredModes.map((mode) => (
            <MenuItem key={mode} data-mode={mode} onSelect={run('mute', (list) => actions().setMuteModeMany(list, mode))}>
              {t(MODE_LABELS[mode])}
            </MenuItem>
          ))}
        </BatchMenuButton>
        <BatchMenuButton
          label={t('batch.moveTo')}
          action="moveTo"
          isBusy={isBusy}
          dir={dir}
          reason={capabilities.groups === 'none' ? unsupported : groups.length === 0 ? t('batch.noGroups') : undefined}
        >
          {groups.map(({ name }) => (
            <MenuItem key={name} data-group={name} onSelect={run('moveTo', (list) => actions().addToGroup(name, list))}>
              {name}
            </MenuItem>
          ))}
        </BatchMenuButton>
        {groupName !== undefined &&
          button('removeFrom', t('batch.removeFrom', { group: groupName }), run('removeFrom', (list) => actions().removeFromGroup(groupName, list)))}
        {button('delete', t('batch.delete'), () => setDeleting(idsNow(ids)))}
        </div>
        {onClearSelection && (
          <button type="button" className="ik-BatchActionBar-clear" aria-label={t('batch.clear')} title={t('batch.clear')} onClick={onClearSelection}>
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      <p className="ik-BatchActionBar-status" role="status">
        {summary}
        {batch.canRetry && !isBusy && (
          <>
            {' '}
            <button type="button" className="ik-BatchActionBar-retry" onClick={batch.retry}>
              {t('batch.retry')}
            </button>
          </>
        )}
      </p>
      {deleting !== null && (
        <DeleteDialog
          id={`${baseId}-delete`}
          scope="ik-BatchActionBar"
          title={plural('batch.deleteTitle', deleting.length)}
          isServerDelete={capabilities.serverDelete}
          returnFocusRef={deleteRef}
          onDismiss={() => setDeleting(null)}
          // The dialog closes at once: with undo on, the delete waits for its window, and the bar shows the outcome.
          onConfirm={async (clearHistory) => {
            void batch.run('delete', deleting, (list) => actions().deleteConversations(list, { clearHistory }));
          }}
        />
      )}
    </div>
  );
  return storeProp ? <InboxStoreContext.Provider value={storeProp}>{content}</InboxStoreContext.Provider> : content;
});
