// The first frames after <InboxProvider> mounts, seen from animation-frame callbacks (what a frame is about to paint),
// counted in frames, never in milliseconds.
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryAdapter, generateConversations } from '../../src/adapters/memory/index.js';
import { ConversationList } from '../../src/components/ConversationList/index.js';
import { InboxProvider } from '../../src/react/InboxProvider.js';
import { scheduleRendersAsInAnApp } from '../utils/appScheduling.js';
import '../../src/styles/tokens.css';
import '../../src/styles/list.css';

let root: Root | undefined;
let container: HTMLElement | undefined;

// The mount is scheduled by React as in an app, not flushed inside act().
scheduleRendersAsInAnApp();
afterEach(() => {
  root?.unmount();
  container?.remove();
  root = container = undefined;
});

type Seen = 'nothing' | 'skeleton' | 'rows';

/** What each animation frame was about to paint in `element`, from the mount until rows show (at most 120 frames). */
function watchFrames(element: HTMLElement): Promise<Seen[]> {
  const seen: Seen[] = [];
  return new Promise((resolve) => {
    const look = () => {
      const now: Seen = element.querySelector('[role="row"]') ? 'rows' : element.querySelector('.ik-ConversationList-skeleton') ? 'skeleton' : 'nothing';
      seen.push(now);
      if (now === 'rows' || seen.length >= 120) resolve(seen);
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}

async function mount(adapter: ReturnType<typeof createMemoryAdapter>): Promise<Seen[]> {
  container = document.createElement('div');
  container.style.cssText = 'height: 480px; width: 380px';
  document.body.append(container);
  const frames = watchFrames(container);
  root = createRoot(container);
  root.render(
    <InboxProvider adapter={adapter} draftStorage={null}>
      <ConversationList aria-label="Conversations" />
    </InboxProvider>,
  );
  return frames;
}

describe('InboxProvider, the first frames', () => {
  it('paints a backend that answers at once with its rows in the first frame, never a frame of loading skeleton', async () => {
    for (const count of [50, 5_000]) {
      const seen = await mount(createMemoryAdapter({ conversations: generateConversations(count, { seed: 2 }) }));
      expect(seen, `${count} conversations`).not.toContain('skeleton');
      expect(seen.at(-1)).toBe('rows');
      root!.unmount();
      container!.remove();
    }
  });

  it('shows the skeleton while a slow backend loads, then its rows', async () => {
    const seen = await mount(createMemoryAdapter({ conversations: generateConversations(50, { seed: 2 }), latencyMs: 150 }));
    expect(seen).toContain('skeleton');
    expect(seen.at(-1)).toBe('rows');
    expect(seen.indexOf('skeleton')).toBeLessThan(seen.indexOf('rows'));
  });
});
