'use client';
import type { ButtonHTMLAttributes, KeyboardEvent, ReactNode, RefObject } from 'react';
import { focusIfConnected, isRtl } from './dom.js';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { dataFlag } from './renderProps.js';
import { place, type Point } from './position.js';

/**
 * Where a menu opens: next to an element (a row: its start edge, below or above it), or at a point given as
 * `clientX`/`clientY` (a right click, a long press). `{ clientX, clientY, anchor }` is what `onItemActions` gives:
 * the point wins when present, else its `anchor` element.
 */
export type MenuAnchor = Element | { clientX?: number; clientY?: number; anchor?: Element | null };

export interface MenuProps {
  id: string;
  /** The menu's own class; `ik-Menu` is added. */
  className: string;
  'aria-label': string;
  /** Which item takes focus on open (ArrowUp on the trigger opens at the last). */
  initialFocus: 'first' | 'last';
  /** Escape, Tab, a chosen item (not a checkbox item) or a press outside: the owner unmounts the menu. */
  onClose: () => void;
  /** The trigger: a press on it is not an outside press (the trigger toggles the menu itself). */
  anchorRef: RefObject<HTMLElement | null>;
  /** Focused when the menu closes while focus is inside it; else the element that had focus when it opened. */
  returnFocusRef: RefObject<HTMLElement | null>;
  /** Called on open, before focus moves into the menu, with the element that had focus. */
  onOpen?: (previouslyFocused: Element | null) => void;
  /**
   * Where the menu opens; else against `anchorRef`'s element (its end edge on the trigger's end edge); else against
   * the element that had focus (or its `aria-activedescendant`).
   */
  anchor?: MenuAnchor | null;
  dir?: 'ltr' | 'rtl';
  children: ReactNode;
}

const ITEM = '[role^="menuitem"]';
const enabled = (item: Element) => item.getAttribute('aria-disabled') !== 'true';

/** The text an item is found by when typing: its text without the decorations it hides from assistive technology. */
const labelOf = (item: Element) =>
  Array.from(item.childNodes, (node) => ((node as Element).getAttribute?.('aria-hidden') === 'true' ? '' : node.textContent))
    .join('')
    .trim()
    .toLocaleLowerCase();

/**
 * A menu (`role="menu"`), mounted while open. In the top layer through `popover="manual"` where supported (it is
 * then not clipped by scrolling ancestors), inline otherwise. Arrow keys, Home/End and type-ahead move focus; Escape
 * and Tab close it; a press outside closes it; focus returns to `returnFocusRef` when it closes with focus inside.
 */
export function Menu({ id, className, initialFocus, onClose, anchorRef, returnFocusRef, anchor, dir, onOpen, children, 'aria-label': label }: MenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [isPopover] = useState(() => typeof HTMLElement !== 'undefined' && typeof HTMLElement.prototype.showPopover === 'function');
  const items = () => Array.from(ref.current!.querySelectorAll<HTMLElement>(ITEM));

  useLayoutEffect(() => {
    const menu = ref.current!;
    const previouslyFocused = document.activeElement;
    onOpen?.(previouslyFocused);
    if (isPopover && !menu.matches(':popover-open')) menu.showPopover();
    // Placed before focus moves in, so focusing the first item never scrolls the page to a menu at (0, 0).
    // Without an anchor or a trigger (a menu opened from a list row by code that passed no anchor): the element that
    // had focus, or the item it points at through `aria-activedescendant` (the list's focused row).
    const trigger = anchorRef.current;
    const activeId = previouslyFocused?.getAttribute('aria-activedescendant');
    const target = resolveAnchor(anchor) ?? trigger ?? (activeId ? document.getElementById(activeId) : null) ?? previouslyFocused;
    const align = anchor || !trigger ? 'start' : 'end';
    const reposition = () => positionMenu(menu, target, align, dir);
    reposition();
    // An enabled item first; a menu whose items are all disabled (a backend that can do none of them) still takes
    // focus, so that its items and their reasons can be read and Escape closes it.
    const all = items();
    const pool = all.some(enabled) ? all.filter(enabled) : all;
    focusIfConnected(pool[initialFocus === 'last' ? pool.length - 1 : 0]);
    // Read when it closes, not now: the owner may point it elsewhere meanwhile.
    const returnTarget = returnFocusRef;
    // An element anchor may still move: the list scrolls its focused row into view in the next frame.
    const frame = requestAnimationFrame(reposition);
    window.addEventListener('resize', reposition);
    window.addEventListener('scroll', reposition, { capture: true, passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', reposition);
      window.removeEventListener('scroll', reposition, { capture: true });
      const active = document.activeElement;
      if (active && active !== document.body && !menu.contains(active)) return;
      if (!focusIfConnected(returnTarget.current)) focusIfConnected(previouslyFocused);
    };
    // Mount-only: the focus target is chosen when the menu opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && !ref.current?.contains(target) && !anchorRef.current?.contains(target)) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [anchorRef, onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.nativeEvent.isComposing) return;
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => focusIfConnected(all[(i + all.length) % all.length]);
    const { key } = event;
    if (key === 'ArrowDown') focusAt(index + 1);
    else if (key === 'ArrowUp') focusAt(index < 0 ? -1 : index - 1);
    else if (key === 'Home' || key === 'PageUp') focusAt(0);
    else if (key === 'End' || key === 'PageDown') focusAt(-1);
    else if (key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
    // Tab: focus goes back to the trigger rather than to whatever follows the (top-layer) menu in the DOM.
    else if (key === 'Tab') onClose();
    else {
      if (key.length === 1 && key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey) typeAhead(all, index, key.toLocaleLowerCase());
      return;
    }
    event.preventDefault();
  };

  /** Type-ahead: focus moves to the next item whose label starts with the typed character (so repeating it cycles). */
  const typeAhead = (all: HTMLElement[], index: number, key: string) => {
    for (let step = 1; step <= all.length; step++) {
      const item = all[(index + step) % all.length]!;
      if (labelOf(item).startsWith(key)) return focusIfConnected(item);
    }
  };

  return (
    <div
      ref={ref}
      id={id}
      role="menu"
      aria-label={label}
      aria-orientation="vertical"
      className={`${className} ik-Menu`}
      dir={dir}
      popover={isPopover ? 'manual' : undefined}
      data-popover={dataFlag(isPopover)}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
      // After the item's own handler (bubbling): an enabled plain item runs, then closes the menu (checkbox items stay
      // open). Never in the capture phase: for a click the browser dispatches (a real click, or Enter on the item), a
      // microtask checkpoint runs between the capture and bubble listeners, so React renders the close at once and
      // the unmounted item's onClick never runs (the command was lost in Chromium, though not in jsdom). Both updates
      // land in one render either way.
      onClick={(event) => {
        const item = (event.target as Element).closest('[role="menuitem"]');
        if (item && enabled(item)) onClose();
      }}
    >
      {children}
    </div>
  );
}

/** A point for `{ clientX, clientY }`, else the element to open against. */
function resolveAnchor(anchor: MenuAnchor | null | undefined): Point | Element | null {
  if (!anchor) return null;
  if (typeof Element !== 'undefined' && anchor instanceof Element) return anchor;
  const { clientX, clientY, anchor: element } = anchor as Exclude<MenuAnchor, Element>;
  if (typeof clientX === 'number' && typeof clientY === 'number') return { x: clientX, y: clientY };
  return element ?? null;
}

/**
 * Fixes the menu in the viewport next to `target` (see `place`), written as inline styles so it does not depend on
 * the stylesheet. An element that left the document (a row virtualized away) keeps the menu where it was.
 */
function positionMenu(menu: HTMLElement, target: Point | Element | null, align: 'start' | 'end', dir: 'ltr' | 'rtl' | undefined) {
  const isElement = target instanceof Element;
  if (!target || (isElement && !target.isConnected)) return;
  const root = menu.ownerDocument.documentElement;
  const viewport = { width: root.clientWidth, height: root.clientHeight };
  const style = menu.style;
  style.position = 'fixed';
  style.inset = 'auto';
  style.margin = '0';
  style.left = '0px';
  style.top = '0px';
  const { width, height } = menu.getBoundingClientRect();
  const rtl = isRtl(isElement ? target : menu, dir);
  const { left, top, side } = place(isElement ? target.getBoundingClientRect() : target, { width, height }, viewport, rtl, align);
  style.left = `${left}px`;
  style.top = `${top}px`;
  menu.dataset.side = side;
}

export interface MenuItemProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onSelect' | 'disabled'> {
  /** Runs on activation (click, Enter, Space) unless disabled. */
  onSelect?: () => void;
  /** Focusable but not activatable (`aria-disabled`), so it can still be read. */
  isDisabled?: boolean;
  /** Makes a `menuitemcheckbox`, which keeps the menu open. */
  isChecked?: boolean;
}

/** A `menuitem` (class `ik-Menu-item`), or a `menuitemcheckbox` when `isChecked` is given. */
export function MenuItem({ onSelect, isDisabled, isChecked, children, ...rest }: MenuItemProps) {
  return (
    <button
      type="button"
      role={isChecked === undefined ? 'menuitem' : 'menuitemcheckbox'}
      tabIndex={-1}
      className="ik-Menu-item"
      aria-checked={isChecked}
      aria-disabled={isDisabled ? 'true' : undefined}
      data-disabled={dataFlag(isDisabled)}
      data-checked={dataFlag(isChecked)}
      onClick={() => isDisabled || onSelect?.()}
      {...rest}
    >
      {children}
    </button>
  );
}

/**
 * The keys of a menu button (WAI-ARIA menu button pattern): ArrowDown opens the menu on its first item, ArrowUp on
 * its last. One handler for every menu button of the kit.
 */
export function menuTriggerKeyDown(openMenu: (focus: 'first' | 'last') => void) {
  return (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    openMenu(event.key === 'ArrowUp' ? 'last' : 'first');
  };
}
