'use client';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { InboxError, quote } from '../core/errors.js';

/** The inbox's keyboard shortcuts, by name. */
export const INBOX_SHORTCUTS = ['nextUnread', 'previousUnread', 'nextMention', 'undo'] as const;
export type InboxShortcut = (typeof INBOX_SHORTCUTS)[number];

/**
 * The default keys. A binding is modifiers and one key joined by `+`:
 * - modifiers: `Alt` (Option on macOS), `Shift`, `Ctrl`, `Meta` (⌘ / Windows key) and `Mod` — ⌘ on Apple platforms,
 *   Ctrl elsewhere. Every modifier not named must be up.
 * - the key: a `KeyboardEvent.code` (`KeyM`, `Digit1`, `ArrowDown`, `Enter`, `F6`...), matched by position so that
 *   Option+letter on macOS (which types `µ` for M) and other layouts still work; or a single character (`j`, `?`)
 *   matched on `KeyboardEvent.key`, where Shift is part of the character and not compared.
 *
 * Alt+Shift+arrows is Slack's "next / previous unread"; Alt+Shift+M is free in the common browsers and screen readers.
 */
export const DEFAULT_INBOX_SHORTCUTS: Readonly<Record<InboxShortcut, string>> = Object.freeze({
  nextUnread: 'Alt+Shift+ArrowDown',
  previousUnread: 'Alt+Shift+ArrowUp',
  nextMention: 'Alt+Shift+KeyM',
  undo: 'Mod+KeyZ',
});

export interface InboxShortcutsOptions {
  /** Keys per shortcut, replacing the default of the shortcuts named; `[]` turns one off. */
  keys?: Partial<Record<InboxShortcut, string | readonly string[]>>;
  /** Where keys are listened for: the whole document, or an element and what is inside it. @default 'document' */
  target?: 'document' | RefObject<HTMLElement | null>;
  /** @default true */
  enabled?: boolean;
}

interface Binding {
  shortcut: InboxShortcut;
  alt: boolean;
  shift: boolean;
  ctrl: boolean;
  meta: boolean;
  /** Matched on `event.code`, else `char` on `event.key`. */
  code?: string;
  char?: string;
}

const NAMED_CODES = new Set([
  'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter', 'Escape', 'Tab', 'Space', 'Backspace', 'Delete', 'Insert',
  'Home', 'End', 'PageUp', 'PageDown', 'Minus', 'Equal', 'BracketLeft', 'BracketRight', 'Backslash', 'Semicolon',
  'Quote', 'Backquote', 'Comma', 'Period', 'Slash',
]);
const CODE_PATTERN = /^(Key[A-Z]|Digit[0-9]|Numpad[0-9]|F([1-9]|1[0-9]|2[0-4]))$/;

/** Apple platforms, where `Mod` is ⌘: `userAgentData` where the browser has it, else the older `platform`. */
function isApplePlatform(): boolean {
  if (typeof navigator === 'undefined') return false;
  const data = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData;
  const platform = data?.platform || navigator.platform || '';
  return /mac|iphone|ipad|ipod/i.test(platform);
}

function invalidBinding(shortcut: InboxShortcut, text: unknown, why: string): InboxError {
  return new InboxError('INVALID_ARGUMENT', `Invalid key binding ${quote(text)} for the "${shortcut}" shortcut: ${why}.`);
}

/** Parses one binding; throws `INVALID_ARGUMENT` saying what is wrong. */
function parseBinding(shortcut: InboxShortcut, text: unknown, apple: boolean): Binding {
  if (typeof text !== 'string' || text.trim() === '') throw invalidBinding(shortcut, text, 'expected a string such as "Alt+Shift+KeyM"');
  // A trailing "+" is the plus key itself ("Ctrl++").
  const parts = text.endsWith('++') ? [...text.slice(0, -2).split('+'), '+'] : text.split('+');
  const key = parts.pop()!.trim();
  const binding: Binding = { shortcut, alt: false, shift: false, ctrl: false, meta: false };
  for (const raw of parts) {
    const modifier = raw.trim().toLowerCase();
    const field =
      modifier === 'alt' || modifier === 'option' ? 'alt'
      : modifier === 'shift' ? 'shift'
      : modifier === 'ctrl' || modifier === 'control' ? 'ctrl'
      : modifier === 'meta' || modifier === 'cmd' || modifier === 'command' ? 'meta'
      : modifier === 'mod' ? (apple ? 'meta' : 'ctrl')
      : undefined;
    if (!field) throw invalidBinding(shortcut, text, `unknown modifier ${quote(raw)} (use Alt, Shift, Ctrl, Meta or Mod)`);
    if (binding[field]) throw invalidBinding(shortcut, text, `modifier ${quote(raw)} given twice`);
    binding[field] = true;
  }
  if (NAMED_CODES.has(key) || CODE_PATTERN.test(key)) binding.code = key;
  else if ([...key].length === 1 && key.trim() !== '') binding.char = key.toLowerCase();
  else throw invalidBinding(shortcut, text, `unknown key ${quote(key)} (use a KeyboardEvent.code such as "KeyM" or "ArrowDown", or one character)`);
  return binding;
}

/** Every binding of every shortcut, defaults replaced by `keys`. */
function parseBindings(keys: InboxShortcutsOptions['keys'] | null, apple: boolean): Binding[] {
  const bindings: Binding[] = [];
  for (const shortcut of INBOX_SHORTCUTS) {
    const given = keys?.[shortcut];
    const list: readonly unknown[] = given === undefined ? [DEFAULT_INBOX_SHORTCUTS[shortcut]] : Array.isArray(given) ? given : [given];
    for (const text of list) bindings.push(parseBinding(shortcut, text, apple));
  }
  return bindings;
}

function matches(binding: Binding, event: KeyboardEvent): boolean {
  if (event.altKey !== binding.alt || event.ctrlKey !== binding.ctrl || event.metaKey !== binding.meta) return false;
  if (binding.code !== undefined) return event.shiftKey === binding.shift && event.code === binding.code;
  return (!binding.shift || event.shiftKey) && event.key.toLowerCase() === binding.char;
}

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

/** Whether keys typed here belong to a text field (where Alt+Shift+arrows select text and Mod+Z undoes typing). */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  // `isContentEditable` is the standard test; `closest` also covers environments without it (jsdom).
  return (target as HTMLElement).isContentEditable || target.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/**
 * Keyboard shortcuts of the inbox: next / previous unread, next mention and undo, with the keys of
 * `DEFAULT_INBOX_SHORTCUTS` unless rebound through `options.keys`. Only shortcuts with a handler are live; a
 * handled key calls `preventDefault`. Keys typed in a text field (input, textarea, select, contenteditable) are left
 * alone, and so are keys another handler already prevented and keys of an IME composition.
 *
 * A malformed binding throws an `InboxError` (`INVALID_ARGUMENT`) naming it, during the render that first uses it.
 */
export function useInboxShortcuts(handlers: Partial<Record<InboxShortcut, () => void>>, options: InboxShortcutsOptions = {}): void {
  const { keys, target = 'document', enabled = true } = options;
  // Bindings are parsed again only when their text changes (a literal `keys` object is new every render).
  const keysText = JSON.stringify(keys ?? null);
  const bindings = useMemo(() => parseBindings(JSON.parse(keysText) as InboxShortcutsOptions['keys'] | null, isApplePlatform()), [keysText]);

  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    if (!enabled) return;
    const element = target === 'document' ? document : target.current;
    if (!element) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (isTextField(event.composedPath()[0] ?? event.target)) return;
      for (const binding of bindings) {
        const handler = handlersRef.current[binding.shortcut];
        if (handler && matches(binding, event)) {
          event.preventDefault();
          handler();
          return;
        }
      }
    };
    element.addEventListener('keydown', onKeyDown as EventListener);
    return () => element.removeEventListener('keydown', onKeyDown as EventListener);
  }, [bindings, enabled, target]);
}
