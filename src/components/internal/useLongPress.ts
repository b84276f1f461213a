'use client';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { useEffect, useRef } from 'react';

/** How long a finger must rest before a long press fires, in ms (Android's and iOS's own are about 500). */
export const LONG_PRESS_MS = 500;
/** How far a finger may drift, in px, before the press counts as a scroll or a drag instead. */
export const LONG_PRESS_SLOP = 10;

/** Where a long press happened: the element pressed and the finger's viewport coordinates when it fired. */
export interface LongPress {
  target: Element;
  clientX: number;
  clientY: number;
}

interface Press {
  pointerId: number;
  target: Element;
  startX: number;
  startY: number;
  clientX: number;
  clientY: number;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * A long press on touch (and pen): `onLongPress` runs once a pointer has rested ~500 ms without moving more than
 * ~10 px, without a second finger, and without anything scrolling meanwhile. Mouse presses are ignored (a mouse has
 * its right click). After a long press, the click that the finger's release makes is swallowed, and so is the
 * `contextmenu` event Android sends for the same gesture, so the press opens one menu and selects nothing.
 *
 * Returns pointer handlers to spread on the element (compose with its own `onPointerDown`).
 */
export function useLongPress(onLongPress: (press: LongPress) => void) {
  const pressRef = useRef<Press | null>(null);
  const callbackRef = useRef(onLongPress);
  useEffect(() => {
    callbackRef.current = onLongPress;
  });

  const cancel = () => {
    const current = pressRef.current;
    if (!current) return;
    clearTimeout(current.timer);
    window.removeEventListener('scroll', cancel, true);
    pressRef.current = null;
  };
  // Unmounting mid-press must not fire later.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `cancel` reads only refs
  useEffect(() => cancel, []);

  /** Swallows the click (and Android's contextmenu) that end the gesture which opened a menu. */
  const swallowGestureEnd = () => {
    const swallow = (event: Event) => {
      event.preventDefault();
      event.stopPropagation();
    };
    const stop = () => {
      window.removeEventListener('click', swallow, true);
      window.removeEventListener('contextmenu', swallow, true);
    };
    window.addEventListener('click', swallow, true);
    window.addEventListener('contextmenu', swallow, true);
    // The release's click comes right after pointerup; nothing later is the same gesture's.
    const onUp = () => setTimeout(stop, 50);
    window.addEventListener('pointerup', onUp, { capture: true, once: true });
    window.addEventListener('pointercancel', onUp, { capture: true, once: true });
  };

  const onPointerDown = (event: ReactPointerEvent<Element>) => {
    // A second finger (pinch) or a mouse is not a long press.
    if (pressRef.current) return cancel();
    if (event.pointerType === 'mouse' || !event.isPrimary || event.button > 0) return;
    const { pointerId, clientX, clientY } = event;
    const target = event.target as Element;
    const timer = setTimeout(() => {
      const current = pressRef.current;
      cancel();
      if (!current || !current.target.isConnected) return;
      swallowGestureEnd();
      callbackRef.current({ target: current.target, clientX: current.clientX, clientY: current.clientY });
    }, LONG_PRESS_MS);
    pressRef.current = { pointerId, target, startX: clientX, startY: clientY, clientX, clientY, timer };
    // A list that scrolls under the finger is a scroll, whatever the pointer reports.
    window.addEventListener('scroll', cancel, true);
  };

  const onPointerMove = (event: ReactPointerEvent<Element>) => {
    const current = pressRef.current;
    if (!current || event.pointerId !== current.pointerId) return;
    current.clientX = event.clientX;
    current.clientY = event.clientY;
    if (Math.hypot(event.clientX - current.startX, event.clientY - current.startY) > LONG_PRESS_SLOP) cancel();
  };

  const onPointerEnd = (event: ReactPointerEvent<Element>) => {
    if (pressRef.current?.pointerId === event.pointerId) cancel();
  };

  return { onPointerDown, onPointerMove, onPointerUp: onPointerEnd, onPointerCancel: onPointerEnd };
}
