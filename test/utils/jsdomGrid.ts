import { afterEach, beforeEach, vi } from 'vitest';
import type { ConversationListVirtualizerOptions } from '../../src/components/ConversationList/index.js';

/**
 * jsdom has no layout: the list's grid gets a fixed rect and every row a fixed height through the list's
 * `virtualizerOptions`; scroll writes land in `scrollTop` and are reported asynchronously, as in a browser.
 */
export function jsdomVirtualizer(rowHeight: number, viewport: number): ConversationListVirtualizerOptions {
  return {
    observeElementRect: (_instance, callback) => {
      callback({ width: 320, height: viewport });
    },
    measureElement: () => rowHeight,
    scrollToFn: (offset, { adjustments = 0 }, instance) => {
      const element = instance.scrollElement;
      if (!element) return;
      element.scrollTop = offset + adjustments;
      queueMicrotask(() => element.dispatchEvent(new Event('scroll')));
    },
  };
}

/**
 * Gives every grid in the test file a viewport height and a scroll height (its sizer's), which the virtualizer
 * needs to clamp scroll targets: jsdom reports 0 for both.
 */
export function mockGridLayout(viewport: number): void {
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.getAttribute('role') === 'grid' ? viewport : 0;
    });
    vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
      const sizer = this.firstElementChild as HTMLElement | null;
      return this.getAttribute('role') === 'grid' && sizer ? parseFloat(sizer.style.height) || 0 : 0;
    });
  });
  afterEach(() => vi.restoreAllMocks());
}
