'use client';
import type { ReactNode, TextareaHTMLAttributes } from 'react';
import type { ConversationId } from '../../core/types.js';
import { useConversationStatus } from '../../react/useConversation.js';
import { useDraft, type DraftStatus } from '../../react/useDraft.js';
import { useIdent } from '../internal/hooks.js';
import { useMessages } from '../internal/i18n.js';
import { controlsMessages } from '../internal/messages/controls.js';
import { forwardRef } from 'react';
import { composeHandlers, dataFlag, resolveStyleProps, type StyleRenderProps } from '../internal/renderProps.js';

/** State of a `DraftEditor`, for `className` and `style` functions. */
export interface DraftEditorRenderProps {
  /**
   * `idle`, `dirty` (typed, not saved yet), `saving`, `saved` or `error`.
   * @selector [data-status="idle|dirty|saving|saved|error"]
   */
  status: DraftStatus;
  /**
   * The draft is not empty.
   * @selector [data-has-draft]
   */
  hasDraft: boolean;
}

export interface DraftEditorProps
  extends StyleRenderProps<DraftEditorRenderProps>,
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className' | 'style' | 'id' | 'value' | 'defaultValue'> {
  /** The conversation whose draft is edited. */
  id: ConversationId;
  /** The visible label of the text field. @default localized "Draft" */
  label?: ReactNode;
  /** Quiet time after the last keystroke before the draft is saved. @default 500 */
  debounceMs?: number;
}

/**
 * A labelled textarea bound to `useDraft(id)`: typing is instant, the draft is saved debounced and at once on blur,
 * and the saving state ("Saving…", "Draft saved", or the failure) is announced politely. `className` and `style`
 * apply to the wrapper; the ref and the other props go to the textarea.
 */
export const DraftEditor = forwardRef<HTMLTextAreaElement, DraftEditorProps>(function DraftEditor(
  { id, label, debounceMs, className, style, onChange, onBlur, ...rest },
  ref,
) {
  const t = useMessages(controlsMessages);
  const draft = useDraft(id, debounceMs === undefined ? {} : { debounceMs });
  const { failure } = useConversationStatus(id);
  const inputId = useIdent('ik-draft') + '-input';
  const { status } = draft;
  const state: DraftEditorRenderProps = { status, hasDraft: draft.text.length > 0 };
  const message = failure?.operation === 'setDraft' && failure.error.message;
  const statusText =
    status === 'error'
      ? message
        ? t('draftEditor.failed', { message })
        : t('draftEditor.failedPlain')
      : status === 'saving' || status === 'saved'
        ? t(`draftEditor.${status}`)
        : '';

  return (
    <div {...resolveStyleProps('ik-DraftEditor', className, style, state)} data-status={status} data-has-draft={dataFlag(state.hasDraft)}>
      <label htmlFor={inputId} className="ik-DraftEditor-label">
        {label ?? t('draftEditor.label')}
      </label>
      <textarea
        {...rest}
        ref={ref}
        id={inputId}
        className="ik-DraftEditor-input"
        value={draft.text}
        onChange={composeHandlers(onChange, (event) => draft.setText(event.target.value))}
        onBlur={composeHandlers(onBlur, () => void draft.flush())}
      />
      {/* Always rendered, so that screen readers pick up its changes. */}
      <span className="ik-DraftEditor-status" role="status" aria-live="polite" data-status={status}>
        {statusText}
      </span>
    </div>
  );
});
