'use client';
import { useEffect, useState } from 'react';

/**
 * The overscan to render: none until the list's current rows have first been painted, then `overscan`.
 *
 * New rows are what the user waits for: the list's first page, another group's conversations after a tab click, the
 * matches for the query just typed. The rows beyond the viewport cost as much to make, lay out and paint as the
 * visible ones (8 above and below a viewport of about 10 rows nearly doubles the frame's work), yet nobody sees them
 * until they scroll. So the first frame of a new set of rows holds only those that fill the viewport, and the overscan
 * rows follow in a task queued from the next animation frame: after that frame is painted, before the user can
 * scroll. Scrolling never waits for them either way: the virtualizer renders whatever rows come into view.
 *
 * `rowsKey` names the set of rows (the group, the filter, whether the folded conversations are open): a new key starts
 * again from no overscan. A list that mounts while its first page loads counts from when the rows arrive.
 */
export function useOverscanAfterFirstPaint(overscan: number, hasRows: boolean, rowsKey: string): number {
  const [paintedKey, setPaintedKey] = useState<string | undefined>(undefined);
  const isPainted = paintedKey === rowsKey;
  useEffect(() => {
    if (!hasRows || isPainted) return;
    let task: ReturnType<typeof setTimeout> | undefined;
    // rAF runs before the frame's style, layout and paint; a task queued from it runs after them.
    const frame = requestAnimationFrame(() => {
      task = setTimeout(() => setPaintedKey(rowsKey));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, [hasRows, isPainted, rowsKey]);
  return isPainted ? overscan : 0;
}
