import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { ConversationList, type ConversationListProps, type ConversationListVirtualizerOptions } from '../../src/components/ConversationList/index.js';
import { CONVERSATION_DRAG_TYPE, GroupTabs } from '../../src/components/GroupTabs/index.js';
import { TOUCH_DRAG_MS } from '../../src/components/ConversationList/useRowDrag.js';
import type { AdapterCapabilities } from '../../src/core/adapter.js';
import type { Conversation } from '../../src/core/types.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore, renderWithStore } from '../utils/render.js';

const NOW = 1_700_000_000_000;
const conv = (id: string, title: string, minutesAgo: number): Conversation =>
  makeConversation({ id, title, lastActivityAt: NOW - minutesAgo * 60_000, lastMessage: { preview: 'hi', sentAt: NOW - minutesAgo * 60_000 } });

const VIRTUALIZER: ConversationListVirtualizerOptions = {
  observeElementRect: (_instance, callback) => callback({ width: 320, height: 480 }),
  measureElement: () => 64,
};

async function setup(props: Partial<ConversationListProps> = {}, capabilities: Partial<AdapterCapabilities> = {}) {
  const memory = createMemoryAdapter({ conversations: [conv('C2Calice', 'Alice', 1), conv('C2Cbob', 'Bob', 2)], groups: [{ name: 'Work', conversationIds: [] }] });
  const adapter = { ...memory, capabilities: { ...memory.capabilities, ...capabilities } };
  const store = makeStore(adapter);
  await store.connect();
  renderWithStore(
    <>
      <GroupTabs />
      <ConversationList virtualizerOptions={VIRTUALIZER} now={NOW} onItemActions={props.onItemActions} {...props} />
    </>,
    store,
  );
  return { store };
}

const rowOf = (title: string) => screen.getByText(title, { selector: '.ik-ConversationItem-title' }).closest<HTMLElement>('[role="row"]')!;
const workTab = () => screen.getByRole('tab', { name: /^Work/ });

/** A DataTransfer as far as the drag handlers use it (jsdom has none). */
function dataTransfer() {
  const data = new Map<string, string>();
  return {
    data,
    get types() {
      return [...data.keys()];
    },
    setData: (format: string, value: string) => data.set(format, value),
    getData: (format: string) => data.get(format) ?? '',
    dropEffect: 'none',
    effectAllowed: 'all',
  };
}

/** jsdom has no layout, so no `elementFromPoint`: the test says what is under the finger. */
function underFinger(pick: (x: number) => Element) {
  Object.defineProperty(document, 'elementFromPoint', { configurable: true, value: (x: number) => pick(x) });
}

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(document, 'elementFromPoint');
});

describe('ConversationList: dragging rows onto group tabs', () => {
  it('puts the conversation on a mouse drag, and a drop on a group tab adds it to the group', async () => {
    const { store } = await setup();
    const row = rowOf('Bob');
    expect(row).toHaveAttribute('draggable', 'true');
    const transfer = dataTransfer();
    fireEvent.dragStart(row, { dataTransfer: transfer });
    expect(transfer.getData(CONVERSATION_DRAG_TYPE)).toBe('C2Cbob');
    expect(transfer.effectAllowed).toBe('copy');
    fireEvent.dragOver(workTab(), { dataTransfer: transfer });
    fireEvent.drop(workTab(), { dataTransfer: transfer });
    fireEvent.dragEnd(row, { dataTransfer: transfer });
    await waitFor(() => expect(store.getState().lists.ids('Work')).toEqual(['C2Cbob']));
  });

  it('leaves rows undraggable without groups, or when the app says the tabs are not editable', async () => {
    await setup({ canDragToGroups: false });
    expect(rowOf('Bob')).not.toHaveAttribute('draggable');
  });

  it('drags with a finger that rests on a row and then moves, onto the tab under it', async () => {
    const { store } = await setup();
    const row = rowOf('Alice');
    const tab = workTab();
    underFinger((x) => (x > 200 ? tab : row));
    const touch = { pointerId: 3, pointerType: 'touch', isPrimary: true };
    fireEvent.pointerDown(row, { ...touch, clientX: 10, clientY: 10 });
    await act(() => new Promise((resolve) => setTimeout(resolve, TOUCH_DRAG_MS + 20)));
    fireEvent.pointerMove(row, { ...touch, clientX: 250, clientY: 10 });
    // A ghost of the row follows the finger, and the tab under it is marked as the drop target.
    expect(document.querySelector('.ik-ConversationList-dragGhost')).toHaveTextContent('Alice');
    expect(tab).toHaveAttribute('data-drop-target');
    fireEvent.pointerUp(row, { ...touch, clientX: 250, clientY: 10 });
    expect(document.querySelector('.ik-ConversationList-dragGhost')).toBeNull();
    await waitFor(() => expect(store.getState().lists.ids('Work')).toEqual(['C2Calice']));
  });

  it('scrolls rather than drags when the finger moves at once', async () => {
    await setup();
    const row = rowOf('Alice');
    const tab = workTab();
    underFinger(() => tab);
    const touch = { pointerId: 4, pointerType: 'touch', isPrimary: true };
    fireEvent.pointerDown(row, { ...touch, clientX: 10, clientY: 10 });
    fireEvent.pointerMove(row, { ...touch, clientX: 10, clientY: 80 });
    await act(() => new Promise((resolve) => setTimeout(resolve, TOUCH_DRAG_MS + 20)));
    fireEvent.pointerMove(row, { ...touch, clientX: 250, clientY: 80 });
    expect(document.querySelector('.ik-ConversationList-dragGhost')).toBeNull();
    expect(workTab()).not.toHaveAttribute('data-drop-target');
  });

  it('keeps a long press without moving for the row’s actions', async () => {
    const onItemActions = vi.fn();
    await setup({ onItemActions });
    const row = rowOf('Bob');
    const touch = { pointerId: 5, pointerType: 'touch', isPrimary: true };
    fireEvent.pointerDown(within(row).getByText('Bob'), { ...touch, clientX: 10, clientY: 10 });
    await act(() => new Promise((resolve) => setTimeout(resolve, 600)));
    expect(onItemActions).toHaveBeenCalledWith('C2Cbob', expect.objectContaining({ trigger: 'pointer' }));
    // Moving after the actions opened does not start a drag.
    fireEvent.pointerMove(row, { ...touch, clientX: 250, clientY: 10 });
    expect(document.querySelector('.ik-ConversationList-dragGhost')).toBeNull();
  });
});
