'use client';
import { useEffect, useState } from 'react';

/**
 * The overscan to render: none until the list's first rows have been painted, then `overscan`.
 *
 * A list's first rows are what its user waits for. The rows beyond the viewport cost as much to make, lay out and paint
 * as the visible ones (8 above and below a viewport of about 10 rows nearly doubles the first frame's work), yet
 * nobody sees them until they scroll. So the first frame holds only the rows that fill the viewport, and the overscan
 * rows follow in a task queued from the next animation frame: after that frame is painted, before the user can
 * scroll. Scrolling never waits for them either way: the virtualizer renders whatever rows come into view.
 *
 * Applies once per mounted list, when it first has rows (a list that mounts while its first page loads counts from
 * when the rows arrive).
 */
export function useOverscanAfterFirstPaint(overscan: number, hasRows: boolean): number {
  const [isPainted, setPainted] = useState(false);
  useEffect(() => {
    if (!hasRows || isPainted) return;
    let task: ReturnType<typeof setTimeout> | undefined;
    // rAF runs before the frame's style, layout and paint; a task queued from it runs after them.
    const frame = requestAnimationFrame(() => {
      task = setTimeout(() => setPainted(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, [hasRows, isPainted]);
  return isPainted ? overscan : 0;
}
