'use client';
import type { DragEvent as ReactDragEvent, PointerEvent as ReactPointerEvent } from 'react';
import { useEffect, useRef } from 'react';
import { CONVERSATION_DRAG_TYPE } from '../GroupTabs/useTabDrop.js';
import { LONG_PRESS_MS, LONG_PRESS_SLOP } from '../internal/useLongPress.js';

/** How long a finger rests on a row before moving it drags the row (a long press, at LONG_PRESS_MS, opens its actions). */
export const TOUCH_DRAG_MS = Math.min(400, LONG_PRESS_MS);

const ROW = '[data-conversation-id]';
const CONTROL = 'button,a[href],input,select,textarea,[role=button],[role=menuitem],[contenteditable=true]';

/** The row a drag starts on, unless it starts on a control inside it. */
function draggedRow(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  const row = target.closest<HTMLElement>(ROW);
  const control = target.closest(CONTROL);
  return row && !(control && row.contains(control)) ? row : null;
}

/**
 * A drag event as HTML5 drag and drop would send it, carrying the conversation: a touch drag goes through the drop
 * targets' own `dragover`, `dragleave` and `drop` handlers (GroupTabs' `useTabDrop`), so both drags share one path.
 * Returns whether the target accepted it (called `preventDefault`).
 */
function dispatchDrag(type: 'dragover' | 'dragleave' | 'drop', target: Element, id: string, clientX: number, clientY: number): boolean {
  const event = new MouseEvent(type, { bubbles: true, cancelable: true, clientX, clientY });
  const dataTransfer = {
    types: [CONVERSATION_DRAG_TYPE],
    getData: (format: string) => (format === CONVERSATION_DRAG_TYPE ? id : ''),
    dropEffect: 'none',
    effectAllowed: 'copy',
  };
  Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
  return !target.dispatchEvent(event);
}

interface TouchDrag {
  pointerId: number;
  id: string;
  title: string;
  startX: number;
  startY: number;
  /** The finger rested long enough: moving now drags. */
  isArmed: boolean;
  timer: ReturnType<typeof setTimeout>;
  ghost: HTMLElement | null;
  /** The element under the finger that accepted the last `dragover`. */
  over: Element | null;
  stopTouchMove: () => void;
}

export interface RowDrag {
  /** Whether rows are draggable (`draggable` on each row). */
  isEnabled: boolean;
  /** For the grid: HTML5 drag and drop, which mice use. */
  onDragStart: (event: ReactDragEvent<HTMLElement>) => void;
  onDragEnd: (event: ReactDragEvent<HTMLElement>) => void;
  /** For the grid, beside the long press's: the drag of a finger, which HTML5 drag and drop does not serve. */
  onPointerDown: (event: ReactPointerEvent<HTMLElement>) => void;
  onPointerMove: (event: ReactPointerEvent<HTMLElement>) => void;
  onPointerUp: (event: ReactPointerEvent<HTMLElement>) => void;
  onPointerCancel: (event: ReactPointerEvent<HTMLElement>) => void;
  /** Forgets the press: a long press fired, so this gesture opens the row's actions instead. */
  cancel: () => void;
}

/**
 * Rows that can be dragged onto a group tab (anything that accepts `CONVERSATION_DRAG_TYPE`) to add the conversation
 * to the group. The row menu's "Move to group" is the keyboard's way to do the same.
 *
 * - **Mouse**: HTML5 drag and drop; the drag carries the conversation id as `CONVERSATION_DRAG_TYPE`.
 * - **Touch and pen**, where HTML5 drag and drop does not fire: a finger that rests `TOUCH_DRAG_MS` on a row and then
 *   moves drags a ghost of the row's title; the element under the finger (`document.elementFromPoint`) gets the same
 *   `dragover` and `drop` events a mouse drag would send. A finger that moves sooner scrolls, and one that rests
 *   without moving is a long press (the row's actions), as before.
 */
export function useRowDrag(isEnabled: boolean): RowDrag {
  const dragRef = useRef<TouchDrag | null>(null);

  const end = () => {
    const drag = dragRef.current;
    if (!drag) return;
    dragRef.current = null;
    clearTimeout(drag.timer);
    drag.stopTouchMove();
    drag.ghost?.remove();
  };
  // A drag cut short by unmounting leaves no ghost behind.
  useEffect(() => end, []);

  const onPointerDown = (event: ReactPointerEvent<HTMLElement>) => {
    end();
    if (!isEnabled || event.pointerType === 'mouse' || !event.isPrimary) return;
    const row = draggedRow(event.target);
    if (!row) return;
    // Once armed, the finger's moves drag instead of scrolling the list: the browser pans unless touchmove is cancelled.
    const onTouchMove = (touch: TouchEvent) => {
      if (dragRef.current?.isArmed && touch.cancelable) touch.preventDefault();
    };
    const view = row.ownerDocument.defaultView ?? window;
    view.addEventListener('touchmove', onTouchMove, { passive: false });
    const drag: TouchDrag = {
      pointerId: event.pointerId,
      id: row.dataset.conversationId!,
      title: row.querySelector('.ik-ConversationItem-title')?.textContent ?? '',
      startX: event.clientX,
      startY: event.clientY,
      isArmed: false,
      timer: setTimeout(() => {
        drag.isArmed = true;
      }, TOUCH_DRAG_MS),
      ghost: null,
      over: null,
      stopTouchMove: () => view.removeEventListener('touchmove', onTouchMove),
    };
    dragRef.current = drag;
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLElement>) => {
    const drag = dragRef.current;
    if (!drag || event.pointerId !== drag.pointerId) return;
    const { clientX, clientY } = event;
    if (!drag.ghost) {
      if (Math.hypot(clientX - drag.startX, clientY - drag.startY) <= LONG_PRESS_SLOP) return;
      // Moved before resting: a scroll.
      if (!drag.isArmed) return end();
      const document = event.currentTarget.ownerDocument;
      drag.ghost = document.createElement('div');
      drag.ghost.className = 'ik-ConversationList-dragGhost';
      drag.ghost.setAttribute('aria-hidden', 'true');
      drag.ghost.textContent = drag.title;
      document.body.append(drag.ghost);
    }
    drag.ghost.style.transform = `translate(${clientX + 8}px, ${clientY - 24}px)`;
    const under = event.currentTarget.ownerDocument.elementFromPoint(clientX, clientY);
    if (drag.over && drag.over !== under && !drag.over.contains(under)) {
      dispatchDrag('dragleave', drag.over, drag.id, clientX, clientY);
      drag.over = null;
    }
    if (under && dispatchDrag('dragover', under, drag.id, clientX, clientY)) drag.over = under;
  };

  const onPointerUp = (event: ReactPointerEvent<HTMLElement>) => {
    const drag = dragRef.current;
    if (!drag || event.pointerId !== drag.pointerId) return;
    if (drag.ghost) {
      const { clientX, clientY } = event;
      if (drag.over) dispatchDrag('drop', drag.over, drag.id, clientX, clientY);
      // The release ends a drag, not a tap: its click must not select the row it started on.
      const view = event.currentTarget.ownerDocument.defaultView ?? window;
      const swallow = (click: Event) => click.stopPropagation();
      view.addEventListener('click', swallow, { capture: true, once: true });
      setTimeout(() => view.removeEventListener('click', swallow, { capture: true }), 50);
    }
    end();
  };

  const onPointerCancel = (event: ReactPointerEvent<HTMLElement>) => {
    const drag = dragRef.current;
    if (!drag || event.pointerId !== drag.pointerId) return;
    if (drag.over) dispatchDrag('dragleave', drag.over, drag.id, event.clientX, event.clientY);
    end();
  };

  const onDragStart = (event: ReactDragEvent<HTMLElement>) => {
    // A browser that starts HTML5 drags from touch too (Chrome on Android, after a long press) leaves them to the
    // finger's own drag above, so that one gesture is not two drags.
    if (dragRef.current) return event.preventDefault();
    const row = isEnabled ? draggedRow(event.target) : null;
    if (!row) return;
    event.dataTransfer.setData(CONVERSATION_DRAG_TYPE, row.dataset.conversationId!);
    event.dataTransfer.effectAllowed = 'copy';
    row.setAttribute('data-dragging', '');
  };

  const onDragEnd = (event: ReactDragEvent<HTMLElement>) => {
    draggedRow(event.target)?.removeAttribute('data-dragging');
  };

  return { isEnabled, onDragStart, onDragEnd, onPointerDown, onPointerMove, onPointerUp, onPointerCancel, cancel: end };
}
