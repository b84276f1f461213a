import { useEffect, type ReactNode } from 'react';
import type { ArgTypes } from '@storybook/react-vite';
import type { MemoryOperation } from '../../src/adapters/memory/index.js';
import { type ConversationId, ConversationItem, useSyncState } from '../../src/index.js';
import type { StoryServer } from './storyAdapter.js';

/** Controls shared by the stories of the command controls: how the simulated server answers. */
export interface ServerArgs {
  /** Every adapter call waits this long. */
  latencyMs: number;
  /** Every press makes the server reject the command (the change is rolled back). */
  failEveryPress: boolean;
}

export const serverArgTypes: ArgTypes<ServerArgs> = {
  latencyMs: {
    control: 'select',
    options: [0, 300, 1500, 5000],
    description: 'Server latency of every call, in ms.',
    table: { category: 'Simulated server' },
  },
  failEveryPress: {
    control: 'boolean',
    description: 'The server rejects the command of every press (watch the rollback).',
    table: { category: 'Simulated server' },
  },
};

export const serverArgs: ServerArgs = { latencyMs: 0, failEveryPress: false };

/**
 * Applies the latency control to the server as it changes, once the first page is in (so the story loads at once).
 * `storyServer(context)` gives the server on any backend; a memory adapter is one too.
 */
export function useServerLatency(adapter: StoryServer, latencyMs: number): void {
  const { status } = useSyncState();
  const isLoaded = status === 'ready' || status === 'syncing';
  useEffect(() => {
    if (isLoaded) adapter.setLatency(latencyMs);
  }, [adapter, latencyMs, isLoaded]);
}

/** An `onClick` that arms a failure of `operation` before the control's own handler runs, when asked to. */
export function failingPress(adapter: StoryServer, operation: MemoryOperation, enabled: boolean): (() => void) | undefined {
  return enabled ? () => adapter.failNext(operation) : undefined;
}

/** The conversation's row above the control, so the optimistic change and its rollback are visible. */
export function ControlStage({ id, children }: { id: ConversationId; children: ReactNode }) {
  return (
    <div style={{ inlineSize: '100%', maxInlineSize: 480, display: 'grid', gap: 12 }}>
      <ConversationItem id={id} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>{children}</div>
    </div>
  );
}
