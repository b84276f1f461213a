'use client';
import {
  createContext,
  forwardRef,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { focusIfConnected, supportsPopover } from './controls-platform.js';

/** Why a menu closed: the owner restores focus for every reason but `outside`. */
export type MenuCloseReason = 'escape' | 'select' | 'tab' | 'outside';

interface MenuContextValue {
  close: (reason: MenuCloseReason) => void;
}

const MenuContext = createContext<MenuContextValue | null>(null);

const ITEM_SELECTOR = '[role="menuitem"], [role="menuitemcheckbox"], [role="menuitemradio"]';

export interface ControlsMenuProps {
  id: string;
  className: string;
  style?: CSSProperties;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  /** Which item takes focus on open (ArrowUp on the trigger opens at the last). @default 'first' */
  initialFocus?: 'first' | 'last';
  onClose: (reason: MenuCloseReason) => void;
  /** The trigger: a press on it is not an outside press (the trigger toggles the menu itself). */
  anchorRef?: RefObject<HTMLElement | null>;
  /** Focused when the menu closes while focus is inside it; else the element that had focus when it opened. */
  returnFocusRef?: RefObject<HTMLElement | null>;
  /** Called on open, before focus moves into the menu, with the element that had focus. */
  onOpen?: (previouslyFocused: Element | null) => void;
  /** A CSS anchor name set on the trigger, so the stylesheet can place the popover next to it. */
  anchorName?: string;
  dir?: 'ltr' | 'rtl';
  children: ReactNode;
}

function isDisabled(item: Element): boolean {
  return item.getAttribute('aria-disabled') === 'true';
}

/**
 * A menu (`role="menu"`), mounted while open. In the top layer through `popover="manual"` where supported (it is
 * then not clipped by scrolling ancestors), inline otherwise. Arrow keys, Home/End and type-ahead move focus; Escape
 * and Tab close it; a press outside closes it; focus returns to `returnFocusRef` when it closes with focus inside.
 */
export function ControlsMenu({
  id,
  className,
  style,
  initialFocus = 'first',
  onClose,
  anchorRef,
  returnFocusRef,
  anchorName,
  dir,
  onOpen,
  children,
  'aria-label': ariaLabel,
  'aria-labelledby': labelledBy,
}: ControlsMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [isPopover] = useState(supportsPopover);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });
  const typeahead = useRef({ text: '', timer: undefined as ReturnType<typeof setTimeout> | undefined });

  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const previouslyFocused = document.activeElement;
    onOpen?.(previouslyFocused);
    if (isPopover && !menu.matches(':popover-open')) menu.showPopover();
    const items = Array.from(menu.querySelectorAll<HTMLElement>(ITEM_SELECTOR));
    const enabled = items.filter((item) => !isDisabled(item));
    const pool = enabled.length ? enabled : items;
    focusIfConnected(initialFocus === 'last' ? pool[pool.length - 1] : pool[0]);
    // Read when the menu closes, not now: the owner may point it elsewhere meanwhile.
    const returnTarget = returnFocusRef;
    return () => {
      const active = document.activeElement;
      if (active && active !== document.body && !menu.contains(active)) return;
      if (!focusIfConnected(returnTarget?.current)) focusIfConnected(previouslyFocused);
    };
    // Mount-only: the focus target is chosen when the menu opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (!target || ref.current?.contains(target) || anchorRef?.current?.contains(target)) return;
      onCloseRef.current('outside');
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [anchorRef]);

  useEffect(() => {
    const state = typeahead.current;
    return () => clearTimeout(state.timer);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const menu = ref.current;
    if (!menu || event.nativeEvent.isComposing) return;
    const items = Array.from(menu.querySelectorAll<HTMLElement>(ITEM_SELECTOR));
    const index = items.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => focusIfConnected(items[(i + items.length) % items.length]);
    switch (event.key) {
      case 'ArrowDown':
        focusAt(index < 0 ? 0 : index + 1);
        break;
      case 'ArrowUp':
        focusAt(index < 0 ? items.length - 1 : index - 1);
        break;
      case 'Home':
      case 'PageUp':
        focusAt(0);
        break;
      case 'End':
      case 'PageDown':
        focusAt(items.length - 1);
        break;
      case 'Escape':
        event.stopPropagation();
        onClose('escape');
        break;
      case 'Tab':
        // Focus goes back to the trigger rather than to whatever follows the (top-layer) menu in the DOM.
        onClose('tab');
        break;
      default:
        if (event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey) {
          typeAhead(items, index, event.key);
        }
        return;
    }
    event.preventDefault();
  };

  const typeAhead = (items: HTMLElement[], index: number, key: string) => {
    const state = typeahead.current;
    clearTimeout(state.timer);
    state.text += key.toLocaleLowerCase();
    state.timer = setTimeout(() => (state.text = ''), 700);
    // One repeated letter cycles through the items that start with it; several letters match a prefix, and
    // when nothing matches them the last letter starts a new search.
    const find = (text: string): HTMLElement | undefined => {
      const repeated = [...text].every((ch) => ch === text[0]);
      const prefix = repeated ? text[0]! : text;
      const start = repeated || index < 0 ? index + 1 : index;
      for (let step = 0; step < items.length; step++) {
        const item = items[(start + step) % items.length]!;
        if (labelOf(item).startsWith(prefix)) return item;
      }
      return undefined;
    };
    let match = find(state.text);
    if (!match && state.text.length > 1) {
      state.text = key.toLocaleLowerCase();
      match = find(state.text);
    }
    focusIfConnected(match);
  };

  const anchorStyle: CSSProperties | undefined = anchorName && isPopover ? { positionAnchor: anchorName } : undefined;

  return (
    <MenuContext.Provider value={{ close: onClose }}>
      <div
        ref={ref}
        id={id}
        role="menu"
        aria-label={ariaLabel}
        aria-labelledby={labelledBy}
        aria-orientation="vertical"
        className={className}
        style={anchorStyle || style ? { ...anchorStyle, ...style } : undefined}
        dir={dir}
        popover={isPopover ? 'manual' : undefined}
        data-popover={isPopover ? '' : undefined}
        data-anchored={anchorStyle ? '' : undefined}
        onKeyDown={onKeyDown}
        onContextMenu={(event) => event.preventDefault()}
      >
        {children}
      </div>
    </MenuContext.Provider>
  );
}

/** The text an item is found by when typing: its label, without decorations hidden from assistive technology. */
function labelOf(item: HTMLElement): string {
  const label = item.getAttribute('aria-label');
  if (label) return label.trim().toLocaleLowerCase();
  let text = '';
  const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const hidden = node.parentElement?.closest('[aria-hidden="true"]');
    if (!hidden || !item.contains(hidden)) text += node.textContent ?? '';
  }
  return text.trim().toLocaleLowerCase();
}

function useMenuContext(part: string): MenuContextValue {
  const context = useContext(MenuContext);
  if (!context) throw new Error(`[inboxkit] ${part} must be used within a menu.`);
  return context;
}

export interface ControlsMenuItemProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onSelect' | 'disabled'> {
  /** Runs on activation (click, Enter, Space) unless disabled. */
  onSelect: () => void;
  /** Focusable but not activatable (`aria-disabled`), so it can still be read. */
  isDisabled?: boolean;
  /** Set for `menuitemcheckbox`. */
  isChecked?: boolean;
  /** Close the menu after activation. @default true (false for checkbox items) */
  shouldCloseOnSelect?: boolean;
}

/** A `menuitem`, or a `menuitemcheckbox` when `isChecked` is given. */
export const ControlsMenuItem = forwardRef<HTMLButtonElement, ControlsMenuItemProps>(function ControlsMenuItem(
  { onSelect, isDisabled: disabled, isChecked, shouldCloseOnSelect, onClick, children, ...rest },
  ref,
) {
  const menu = useMenuContext('ControlsMenuItem');
  const isCheckbox = isChecked !== undefined;
  const closes = shouldCloseOnSelect ?? !isCheckbox;
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || disabled) return;
    if (closes) menu.close('select');
    onSelect();
  };
  return (
    <button
      ref={ref}
      type="button"
      role={isCheckbox ? 'menuitemcheckbox' : 'menuitem'}
      tabIndex={-1}
      aria-checked={isCheckbox ? isChecked : undefined}
      aria-disabled={disabled ? 'true' : undefined}
      data-disabled={disabled ? '' : undefined}
      data-checked={isChecked ? '' : undefined}
      onClick={handleClick}
      {...rest}
    >
      {children}
    </button>
  );
});
