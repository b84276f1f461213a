'use client';
import { useStore } from 'zustand';
import { useCallback, useEffect, useRef, useState } from 'react';
import { selectDraft } from '../core/selectors.js';
import type { InboxStore } from '../core/store.js';
import type { ConversationId } from '../core/types.js';
import { useInboxStore } from './context.js';

/** `dirty`: typed, not yet saved; `saving`: the backend call is in flight; `error`: it failed (the text is kept). */
export type DraftStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'error';

export interface UseDraftOptions {
  /** Quiet time after the last keystroke before the draft is saved. @default 500 */
  debounceMs?: number;
  store?: InboxStore;
}

export interface DraftResult {
  text: string;
  /** Updates the text at once; the save is debounced. */
  setText: (text: string) => void;
  /** Saves now. Also runs on blur (call it from `onBlur`), unmount, conversation change and page hide. */
  flush: () => Promise<void>;
  status: DraftStatus;
}

/**
 * The draft of a conversation. Typing is local and instant; the draft is saved debounced and flushed on unmount
 * and page hide, and the store writes it to the kit's draft storage synchronously, so a reload never loses it.
 */
export function useDraft(id: ConversationId, options: UseDraftOptions = {}): DraftResult {
  const store = useInboxStore(options.store, 'useDraft');
  const debounceMs = options.debounceMs ?? 500;
  const savedText = useStore(store, (s) => selectDraft(s, id)?.text ?? '');
  const [local, setLocal] = useState<{ id: ConversationId; text: string } | null>(null);
  const [status, setStatus] = useState<DraftStatus>('idle');
  const unsavedRef = useRef<{ id: ConversationId; text: string } | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mountedRef = useRef(true);

  const save = useCallback((): Promise<void> => {
    clearTimeout(timerRef.current);
    const draft = unsavedRef.current;
    if (!draft) return Promise.resolve();
    unsavedRef.current = null;
    const current = selectDraft(store.getState(), draft.id)?.text ?? '';
    if (current === draft.text) {
      if (mountedRef.current) setStatus('saved');
      return Promise.resolve();
    }
    if (mountedRef.current) setStatus('saving');
    // setDraft writes the draft storage synchronously, before its first await.
    return store
      .getState()
      .actions.setDraft(draft.id, draft.text)
      .then(
        () => {
          if (mountedRef.current && !unsavedRef.current) setStatus('saved');
        },
        () => {
          if (mountedRef.current) setStatus('error');
        },
      );
  }, [store]);

  const setText = useCallback(
    (text: string) => {
      unsavedRef.current = { id, text };
      setLocal({ id, text });
      setStatus('dirty');
      clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => void save(), debounceMs);
    },
    [id, debounceMs, save],
  );

  // Flush when the conversation changes and on unmount.
  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      void save();
    };
  }, [id, save]);

  // Effects run only where there is a DOM (never while server rendering).
  useEffect(() => {
    const onPageHide = () => void save();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void save();
    };
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [save]);

  const text = local && local.id === id ? local.text : savedText;
  return { text, setText, flush: save, status: local && local.id === id ? status : 'idle' };
}
