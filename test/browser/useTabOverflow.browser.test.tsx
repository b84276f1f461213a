import { render } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useTabOverflow, type TabOverflow } from '../../src/components/GroupTabs/useTabOverflow.js';

/**
 * A bar on the hook with real layout: a 200 px viewport that scrolls horizontally over a list of `width` px. Its
 * `width` can change without a re-render, as a tab's does when its badge grows.
 */
function Bar({ width, dir, onResize, report }: { width: number; dir?: 'ltr' | 'rtl'; onResize: () => void; report: (overflow: TabOverflow) => void }) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const overflow = useTabOverflow(viewportRef, listRef, dir, onResize);
  report(overflow);
  return (
    <div dir={dir}>
      <div ref={viewportRef} data-testid="viewport" onScroll={overflow.onScroll} style={{ width: 200, overflowX: 'auto', scrollBehavior: 'auto' }}>
        <div ref={listRef} data-testid="list" style={{ width, height: 20 }} />
      </div>
    </div>
  );
}

function mount(width: number, dir?: 'ltr' | 'rtl') {
  let latest!: TabOverflow;
  const onResize = vi.fn();
  const view = render(<Bar width={width} dir={dir} onResize={onResize} report={(overflow) => (latest = overflow)} />);
  const viewport = view.getByTestId('viewport');
  return { overflow: () => latest, onResize, viewport, list: view.getByTestId('list') };
}

describe('useTabOverflow in a real layout', () => {
  it('reports no overflow while the tabs fit', async () => {
    const { overflow, onResize } = mount(150);
    await vi.waitFor(() => expect(onResize).toHaveBeenCalled());
    expect(overflow()).toMatchObject({ isOverflowing: false, canScrollStart: false, canScrollEnd: false });
  });

  it('measures an overflowing bar, scrolls it toward the end, and can then scroll back', async () => {
    const { overflow, viewport } = mount(600);
    await vi.waitFor(() => expect(overflow()).toMatchObject({ isOverflowing: true, canScrollStart: false, canScrollEnd: true }));
    overflow().scrollToward(1);
    // 80 % of the bar's width per press.
    await vi.waitFor(() => expect(viewport.scrollLeft).toBe(160));
    await vi.waitFor(() => expect(overflow()).toMatchObject({ canScrollStart: true, canScrollEnd: true }));
    overflow().scrollToward(1);
    overflow().scrollToward(1);
    await vi.waitFor(() => expect(overflow()).toMatchObject({ canScrollStart: true, canScrollEnd: false }));
  });

  it('scrolls toward the logical end in right-to-left, where scrollLeft runs negative', async () => {
    const { overflow, viewport } = mount(600, 'rtl');
    await vi.waitFor(() => expect(overflow()).toMatchObject({ isOverflowing: true, canScrollStart: false, canScrollEnd: true }));
    overflow().scrollToward(1);
    await vi.waitFor(() => expect(viewport.scrollLeft).toBe(-160));
    await vi.waitFor(() => expect(overflow().canScrollStart).toBe(true));
  });

  it('notices tabs that grow without a re-render, and tells onResize', async () => {
    const { overflow, onResize, list } = mount(150);
    await vi.waitFor(() => expect(onResize).toHaveBeenCalled());
    const calls = onResize.mock.calls.length;
    list.style.width = '400px';
    await vi.waitFor(() => expect(overflow().isOverflowing).toBe(true));
    expect(onResize.mock.calls.length).toBeGreaterThan(calls);
  });
});
