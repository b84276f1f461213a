'use client';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Conversation, ConversationId } from '../../core/types.js';
import { useInboxStore } from '../../react/context.js';
import { useConversation } from '../../react/useConversation.js';
import { displayTitle } from '../ConversationItem/displayTitle.js';
import { clampText } from '../internal/clampText.js';
import type { GroupTabsTitleId, Translate } from '../internal/i18n.js';
import { dataFlag } from '../internal/renderProps.js';
import { PICKER_OPTIONS_MAX, usePickerOptions } from './usePickerOptions.js';
import { usePickerNavigation } from './usePickerNavigation.js';

export interface ConversationPickerProps {
  /** Prefix of the ids of its elements. */
  id: string;
  chosen: ReadonlySet<ConversationId>;
  onToggle: (id: ConversationId) => void;
  /** Listed first while no query is typed (a group's members, the app's selection), so they can be seen and unchosen. */
  first?: readonly ConversationId[];
  /** Whether an unchosen conversation cannot be chosen now (a backend limit); it is then described by `limitText`. */
  isBlocked?: (conversation: Conversation) => boolean;
  /** The limit that blocks options, shown under the list while it applies. */
  limitText?: string | null;
  /** Under the label: what choosing is for here (required, optional). */
  hint?: string | null;
  /** The search field, for an owner that sends focus there (nothing chosen yet when it must be). */
  searchRef?: RefObject<HTMLInputElement | null>;
  /** The search field takes focus when the dialog opens (it is the dialog's first field). */
  autoFocus?: boolean;
  t: Translate<GroupTabsTitleId>;
}

const never = () => false;

/**
 * Chooses conversations from the store's list: a search field over the titles and a multi-select listbox of the
 * matches (at most `PICKER_OPTIONS_MAX`, with "type to narrow" past that), which works the same with ten
 * conversations or 100,000. The listbox keeps focus itself and points at its active option
 * (`aria-activedescendant`): ↑/↓, Home and End move, Space chooses; ↓ in the search field enters the list.
 * Options a backend limit blocks stay listed, `aria-disabled` and described by the limit.
 */
export function ConversationPicker({ id, chosen, onToggle, first, isBlocked = never, limitText, hint, searchRef, autoFocus, t }: ConversationPickerProps) {
  const store = useInboxStore(undefined, 'GroupTabs');
  const [query, setQuery] = useState('');
  const options = usePickerOptions(query, first);
  const listRef = useRef<HTMLDivElement>(null);
  const isDisabled = (conversationId: ConversationId) => {
    const conversation = store.getState().conversations.get(conversationId);
    return !chosen.has(conversationId) && conversation !== undefined && isBlocked(conversation);
  };
  const navigation = usePickerNavigation(options.ids, onToggle, isDisabled);
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const limitId = `${id}-limit`;
  const optionId = (index: number) => `${id}-option-${index}`;

  // Only while the list has focus, so opening the dialog or typing a query never scrolls it away from the top.
  useEffect(() => {
    const list = listRef.current;
    if (!list || document.activeElement !== list || navigation.activeIndex < 0) return;
    document.getElementById(optionId(navigation.activeIndex))?.scrollIntoView?.({ block: 'nearest' });
  });

  const status =
    options.ids.length === 0
      ? options.query
        ? t('groupTabs.pickerNoMatch', { query: clampText(options.query, 40) })
        : t('groupTabs.pickerEmpty')
      : options.total > PICKER_OPTIONS_MAX
        ? t('groupTabs.pickerCapped', { shown: options.ids.length, total: options.total })
        : '';

  return (
    <div className="ik-GroupTabs-picker" role="group" aria-labelledby={labelId} aria-describedby={hint ? hintId : undefined}>
      <div className="ik-GroupTabs-pickerHead">
        <span id={labelId} className="ik-GroupTabs-fieldLabel">
          {t('groupTabs.pickerLabel')}
        </span>
        <span className="ik-GroupTabs-pickerChosen">{t('groupTabs.pickerChosen', { count: chosen.size })}</span>
      </div>
      {hint && (
        <p id={hintId} className="ik-GroupTabs-hint">
          {hint}
        </p>
      )}
      <input
        ref={searchRef}
        type="search"
        className="ik-GroupTabs-input ik-GroupTabs-pickerSearch"
        aria-label={t('groupTabs.pickerSearch')}
        placeholder={t('groupTabs.pickerSearch')}
        aria-controls={options.ids.length > 0 ? `${id}-list` : undefined}
        autoComplete="off"
        spellCheck={false}
        data-autofocus={dataFlag(autoFocus)}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.nativeEvent.isComposing) return;
          if (event.key === 'ArrowDown' && options.ids.length > 0) {
            event.preventDefault();
            listRef.current?.focus();
          }
          // Enter while searching must not create the group half-chosen: the form is submitted from its button or
          // from the name field.
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
      {options.ids.length > 0 && (
        <div
          ref={listRef}
          id={`${id}-list`}
          role="listbox"
          aria-labelledby={labelId}
          aria-multiselectable="true"
          aria-activedescendant={navigation.activeIndex >= 0 ? optionId(navigation.activeIndex) : undefined}
          tabIndex={0}
          className="ik-GroupTabs-pickerList"
          onKeyDown={navigation.onKeyDown}
        >
          {options.ids.map((conversationId, index) => (
            <PickerOption
              key={conversationId}
              id={optionId(index)}
              conversationId={conversationId}
              isChosen={chosen.has(conversationId)}
              isActive={index === navigation.activeIndex}
              isBlocked={isBlocked}
              limitId={limitText ? limitId : undefined}
              t={t}
              onPick={() => {
                navigation.setActive(conversationId);
                if (!isDisabled(conversationId)) onToggle(conversationId);
              }}
            />
          ))}
        </div>
      )}
      <p role="status" className="ik-GroupTabs-pickerStatus">
        {status}
      </p>
      {limitText && (
        <p id={limitId} className="ik-GroupTabs-pickerLimit">
          {limitText}
        </p>
      )}
      {options.hasMore && (
        <p className="ik-GroupTabs-pickerMore">
          {t('groupTabs.pickerPartial')}{' '}
          <button
            type="button"
            className="ik-GroupTabs-pickerLoadMore"
            aria-disabled={options.isLoadingMore ? 'true' : undefined}
            onClick={() => {
              if (!options.isLoadingMore) options.loadMore();
            }}
          >
            {t('groupTabs.pickerLoadMore')}
          </button>
        </p>
      )}
    </div>
  );
}

interface PickerOptionProps {
  id: string;
  conversationId: ConversationId;
  isChosen: boolean;
  isActive: boolean;
  isBlocked: (conversation: Conversation) => boolean;
  limitId: string | undefined;
  t: Translate<GroupTabsTitleId>;
  onPick: () => void;
}

/** One option: its conversation's title as rows show it, read by id (the picker holds ids, as the list does). */
function PickerOption({ id, conversationId, isChosen, isActive, isBlocked, limitId, t, onPick }: PickerOptionProps) {
  const conversation = useConversation(conversationId);
  const isDisabled = !isChosen && conversation !== undefined && isBlocked(conversation);
  return (
    <div
      id={id}
      role="option"
      className="ik-GroupTabs-pickerOption"
      aria-selected={isChosen}
      aria-disabled={isDisabled ? 'true' : undefined}
      aria-describedby={isDisabled ? limitId : undefined}
      data-active={dataFlag(isActive)}
      data-disabled={dataFlag(isDisabled)}
      onClick={onPick}
    >
      <span className="ik-GroupTabs-pickerCheck" aria-hidden="true" />
      {/* The title is isolated (a Latin title keeps its order in a right-to-left list) inside a box in the list's own
          direction, so it still starts at the list's start edge, beside its check. */}
      <span className="ik-GroupTabs-pickerTitle">
        <bdi>{clampText((conversation && displayTitle(conversation, t)) || conversationId)}</bdi>
      </span>
    </div>
  );
}
