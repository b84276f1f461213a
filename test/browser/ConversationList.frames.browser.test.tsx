// When the list takes a new order, counted in renders and animation frames, never in milliseconds: a slow machine makes
// frames longer, not these counts different.
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryAdapter, generateConversations, type MemoryAdapter } from '../../src/adapters/memory/index.js';
import { ConversationList } from '../../src/components/ConversationList/index.js';
import type { InboxStore } from '../../src/core/store.js';
import { InboxProvider } from '../../src/react/InboxProvider.js';
import { scheduleRendersAsInAnApp } from '../utils/appScheduling.js';
import { makeStore } from '../utils/render.js';
import '../../src/styles/tokens.css';
import '../../src/styles/list.css';

const COUNT = 1_000;

let root: Root | undefined;
let store: InboxStore | undefined;
let container: HTMLElement | undefined;

// Updates here come from timers and animation frames, as in an app, not from inside act().
scheduleRendersAsInAnApp();
afterEach(() => {
  root?.unmount();
  store?.disconnect();
  container?.remove();
  root = store = container = undefined;
});

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
/** The next task: a message channel, which unlike nested timers is not throttled to 4 ms. */
const task = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/** Mounts the list over COUNT unpinned conversations (a message moves its conversation to the top) and counts its renders. */
async function mountCounted(): Promise<{ adapter: MemoryAdapter; ids: readonly string[]; renders: () => number; topId: () => string | undefined }> {
  const conversations = generateConversations(COUNT, { seed: 5 }).map((c) => ({ ...c, isPinned: false }));
  const adapter = createMemoryAdapter({ conversations, pageSize: COUNT });
  store = makeStore(adapter, { pageSize: COUNT });
  await store.connect();
  let renders = 0;
  // `className` as a function is called once per render of the list (never by a row), so it counts the list's renders.
  const countRender = () => {
    renders++;
    return 'counted';
  };
  container = document.createElement('div');
  container.style.cssText = 'height: 480px; width: 380px';
  document.body.append(container);
  root = createRoot(container);
  root.render(
    <InboxProvider store={store}>
      <ConversationList aria-label="Conversations" className={countRender} />
    </InboxProvider>,
  );
  const grid = () => container!.querySelector('[role="grid"]');
  while (!grid()?.querySelector('[role="row"]')) await nextFrame();
  // Whatever the mount still had to settle (measurements, the first frame's callbacks) happens before counting.
  for (let i = 0; i < 3; i++) await nextFrame();
  const topId = () => grid()!.querySelector<HTMLElement>('[role="row"][data-index="0"]')?.dataset.conversationId;
  return { adapter, ids: store.getState().lists.ids(), renders: () => renders, topId };
}

describe('ConversationList takes new orders frame by frame', () => {
  it('renders a message that arrives inside a frame before that frame is painted', async () => {
    const { adapter, ids, renders, topId } = await mountCounted();
    const id = ids[COUNT - 1]!;
    const before = renders();
    // Sent from an animation-frame callback (an animation, or a message handled late in a frame); React renders in
    // a microtask of that callback, so the new order is in the DOM this frame paints.
    const seen = await new Promise<string | undefined>((resolve) =>
      requestAnimationFrame(() => {
        adapter.simulate.message(id, { preview: 'inside a frame' });
        store!.flush();
        // After the microtasks React queued (they were queued first), still inside the same callback.
        void Promise.resolve().then(() => resolve(topId()));
      }),
    );
    expect(seen).toBe(id);
    expect(renders() - before).toBe(1);
  });

  it('renders a message that arrives between frames before the next frame starts', async () => {
    const { adapter, ids, renders, topId } = await mountCounted();
    const id = ids[COUNT - 2]!;
    await nextFrame();
    await task(); // after that frame
    const before = renders();
    adapter.simulate.message(id, { preview: 'between frames' });
    store!.flush();
    await Promise.resolve();
    expect(topId()).toBe(id);
    expect(renders() - before).toBe(1);
  });

  it('costs at most one list render per frame under a burst of messages, each in its own task', async () => {
    const { adapter, ids, renders, topId } = await mountCounted();
    // Renders and messages counted between the starts of consecutive frames. This loop's callback is registered before
    // the list's own each frame, so a render in the list's frame callback counts in the frame it is painted in.
    const rendersPerFrame: number[] = [];
    const messagesPerFrame: number[] = [0];
    let counting = true;
    let last = renders();
    const loop = () => {
      if (!counting) return;
      requestAnimationFrame(loop);
      rendersPerFrame.push(renders() - last);
      messagesPerFrame.push(0);
      last = renders();
    };
    requestAnimationFrame(loop);
    await nextFrame();
    // 300 messages, one per task, at most eight between two frames: about 500 a second at 60 frames a second, as a
    // busy group chat sends them. How many land in each frame depends on the machine; the budget does not.
    const messages = 300;
    // Each later than the one before (several arrive within one millisecond), so the last one ends on top.
    const at = Date.now();
    for (let sent = 0; sent < messages; ) {
      if (messagesPerFrame.at(-1)! >= 8) {
        await nextFrame();
        continue;
      }
      adapter.simulate.message(ids[COUNT - 1 - sent]!, { preview: `burst ${sent}`, at: at + sent });
      sent++;
      messagesPerFrame[messagesPerFrame.length - 1]!++;
      await task();
    }
    await nextFrame();
    await nextFrame();
    counting = false;
    // The burst did put several messages between two frames (else there was nothing to coalesce).
    expect(Math.max(...messagesPerFrame)).toBeGreaterThan(1);
    expect(Math.max(...rendersPerFrame)).toBeLessThanOrEqual(1);
    const total = rendersPerFrame.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(messages);
    // The last message's conversation is on top: nothing was left behind.
    expect(topId()).toBe(ids[COUNT - messages]);
  });
});
