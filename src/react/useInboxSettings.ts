'use client';
import { useStore } from 'zustand';
import { useMemo, useRef, useState } from 'react';
import { toInboxError, type InboxError } from '../core/errors.js';
import type { InboxStore } from '../core/store.js';
import type { MuteMode } from '../core/types.js';
import { useInboxStore } from './context.js';

/** What `useInboxSettings` returns: the account-wide settings, what the backend allows, and commands with their state. */
export interface InboxSettings {
  /** The account-wide receive option; `undefined` until the backend has said it, and where it has none. */
  globalReceiveOption: MuteMode | undefined;
  /** The options the backend can set (`capabilities.globalReceiveModes`, OpenIM's `globalRecvMsgOpt`); empty when none. */
  globalReceiveModes: readonly MuteMode[];
  /** Whether the backend can clear every conversation from the list (`capabilities.clearAll`). */
  canClearAll: boolean;
  /** The option being set while the backend has not answered; it already shows in `globalReceiveOption`. */
  pendingReceiveOption: MuteMode | undefined;
  /** Why the last `setGlobalReceiveOption` failed (the option was put back), until the next call or `dismissError`. */
  receiveOptionError: InboxError | undefined;
  /** `clearAllConversations` is in flight. */
  isClearing: boolean;
  /** Why the last `clearAllConversations` failed (the conversations came back), until the next call or `dismissError`. */
  clearError: InboxError | undefined;
  /**
   * Sets the account-wide receive option: shown at once, put back if the backend refuses. Rejects with the store's
   * `InboxError` (`NOT_SUPPORTED` for an option the backend lacks), which is also kept in `receiveOptionError`.
   */
  setGlobalReceiveOption: (mode: MuteMode) => Promise<void>;
  /**
   * Clears every conversation from the list (their messages stay where the backend keeps them); they come back if the
   * backend refuses. Rejects with the store's `InboxError`, which is also kept in `clearError`.
   */
  clearAllConversations: () => Promise<void>;
  /** Forgets both errors. */
  dismissError: () => void;
}

const NO_MODES: readonly MuteMode[] = Object.freeze([]);

/**
 * The account-wide settings for a settings screen or menu of your own (`InboxSettingsMenu` is built on it): the
 * receive option for every conversation and clearing the whole list, each with what the backend allows, whether a
 * call is in flight and why the last one failed. The state of the calls belongs to the component that makes them.
 */
export function useInboxSettings(store?: InboxStore): InboxSettings {
  const resolved = useInboxStore(store, 'useInboxSettings');
  const globalReceiveOption = useStore(resolved, (s) => s.globalReceiveOption);
  const capabilities = useStore(resolved, (s) => s.capabilities);
  const [pendingReceiveOption, setPendingReceiveOption] = useState<MuteMode | undefined>(undefined);
  const [receiveOptionError, setReceiveOptionError] = useState<InboxError | undefined>(undefined);
  const [isClearing, setIsClearing] = useState(false);
  const [clearError, setClearError] = useState<InboxError | undefined>(undefined);
  // Calls may overlap: only the latest one's outcome decides what is pending.
  const latestCall = useRef(0);

  return useMemo(() => {
    const actions = resolved.getState().actions;
    return {
      globalReceiveOption,
      globalReceiveModes: capabilities.globalReceiveModes ?? NO_MODES,
      canClearAll: !!capabilities.clearAll,
      pendingReceiveOption,
      receiveOptionError,
      isClearing,
      clearError,
      setGlobalReceiveOption: async (mode) => {
        const call = ++latestCall.current;
        setPendingReceiveOption(mode);
        setReceiveOptionError(undefined);
        try {
          await actions.setGlobalReceiveOption(mode);
        } catch (cause) {
          const error = toInboxError(cause);
          if (call === latestCall.current) setReceiveOptionError(error);
          throw error;
        } finally {
          if (call === latestCall.current) setPendingReceiveOption(undefined);
        }
      },
      clearAllConversations: async () => {
        setIsClearing(true);
        setClearError(undefined);
        try {
          await actions.clearAllConversations();
        } catch (cause) {
          const error = toInboxError(cause);
          setClearError(error);
          throw error;
        } finally {
          setIsClearing(false);
        }
      },
      dismissError: () => {
        setReceiveOptionError(undefined);
        setClearError(undefined);
      },
    };
  }, [resolved, globalReceiveOption, capabilities, pendingReceiveOption, receiveOptionError, isClearing, clearError]);
}
