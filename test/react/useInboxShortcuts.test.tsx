import { render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { InboxError } from '../../src/core/errors.js';
import {
  DEFAULT_INBOX_SHORTCUTS,
  INBOX_SHORTCUTS,
  useInboxShortcuts,
  type InboxShortcut,
  type InboxShortcutsOptions,
} from '../../src/react/useInboxShortcuts.js';

function handlers() {
  return Object.fromEntries(INBOX_SHORTCUTS.map((name) => [name, vi.fn<() => void>()])) as Record<InboxShortcut, Mock<() => void>>;
}

function Harness({ on, options }: { on: Partial<Record<InboxShortcut, () => void>>; options?: InboxShortcutsOptions }) {
  useInboxShortcuts(on, options);
  return (
    <div>
      <button type="button">Row</button>
      <input aria-label="Search" />
      <textarea aria-label="Message" />
      <div contentEditable suppressContentEditableWarning aria-label="Editor" role="textbox">
        <span>text</span>
      </div>
    </div>
  );
}

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'userAgentData');
});

describe('useInboxShortcuts', () => {
  it('exports the documented defaults', () => {
    expect(DEFAULT_INBOX_SHORTCUTS).toEqual({
      nextUnread: 'Alt+Shift+ArrowDown',
      previousUnread: 'Alt+Shift+ArrowUp',
      nextMention: 'Alt+Shift+KeyM',
      undo: 'Mod+KeyZ',
    });
  });

  it('runs the handlers on the default keys and prevents their default action', async () => {
    const user = userEvent.setup();
    const on = handlers();
    render(<Harness on={on} />);
    await user.click(screen.getByRole('button', { name: 'Row' }));
    await user.keyboard('{Alt>}{Shift>}{ArrowDown}{/Shift}{/Alt}');
    expect(on.nextUnread).toHaveBeenCalledTimes(1);
    await user.keyboard('{Alt>}{Shift>}{ArrowUp}{/Shift}{/Alt}');
    expect(on.previousUnread).toHaveBeenCalledTimes(1);
    // By position: Option+Shift+M types "Â" on a Mac, the code is still KeyM.
    await user.keyboard('{Alt>}{Shift>}[KeyM]{/Shift}{/Alt}');
    expect(on.nextMention).toHaveBeenCalledTimes(1);

    const event = new KeyboardEvent('keydown', { code: 'ArrowDown', key: 'ArrowDown', altKey: true, shiftKey: true, bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    // Other modifiers must be up: Ctrl+Alt+Shift+ArrowDown is not the shortcut.
    await user.keyboard('{Control>}{Alt>}{Shift>}{ArrowDown}{/Shift}{/Alt}{/Control}');
    await user.keyboard('{ArrowDown}');
    expect(on.nextUnread).toHaveBeenCalledTimes(2);
  });

  it('leaves keys without a handler alone', () => {
    render(<Harness on={{ nextUnread: vi.fn() }} />);
    const event = new KeyboardEvent('keydown', { code: 'KeyM', key: 'M', altKey: true, shiftKey: true, bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('takes rebound keys, several per shortcut, and [] turns one off', async () => {
    const user = userEvent.setup();
    const on = handlers();
    render(<Harness on={on} options={{ keys: { nextUnread: ['j', 'Alt+KeyN'], previousUnread: 'k', nextMention: [] } }} />);
    await user.keyboard('j');
    await user.keyboard('{Alt>}[KeyN]{/Alt}');
    expect(on.nextUnread).toHaveBeenCalledTimes(2);
    await user.keyboard('{Alt>}{Shift>}{ArrowDown}{/Shift}{/Alt}');
    expect(on.nextUnread).toHaveBeenCalledTimes(2);
    await user.keyboard('k');
    expect(on.previousUnread).toHaveBeenCalledTimes(1);
    await user.keyboard('{Alt>}{Shift>}[KeyM]{/Shift}{/Alt}');
    expect(on.nextMention).not.toHaveBeenCalled();
  });

  it('is off while focus is in a text field', async () => {
    const user = userEvent.setup();
    const on = handlers();
    render(<Harness on={on} options={{ keys: { nextUnread: ['Alt+Shift+ArrowDown', 'j'] } }} />);
    for (const name of ['Search', 'Message', 'Editor']) {
      await user.click(screen.getByRole('textbox', { name }));
      await user.keyboard('{Alt>}{Shift>}{ArrowDown}{/Shift}{/Alt}');
      await user.keyboard('j');
      await user.keyboard('{Control>}[KeyZ]{/Control}');
    }
    // Inside a contenteditable, whatever element the key lands on.
    const span = screen.getByText('text');
    span.dispatchEvent(new KeyboardEvent('keydown', { code: 'ArrowDown', key: 'ArrowDown', altKey: true, shiftKey: true, bubbles: true }));
    expect(on.nextUnread).not.toHaveBeenCalled();
    expect(on.undo).not.toHaveBeenCalled();
    // A button is not a text field.
    await user.click(screen.getByRole('button', { name: 'Row' }));
    await user.keyboard('j');
    expect(on.nextUnread).toHaveBeenCalledTimes(1);
  });

  it('listens only inside the target element when given one, and not at all when disabled', async () => {
    const user = userEvent.setup();
    const inside = vi.fn();
    function Scoped({ enabled }: { enabled: boolean }) {
      const ref = useRef<HTMLDivElement>(null);
      useInboxShortcuts({ nextUnread: inside }, { target: ref, enabled });
      return (
        <>
          <div ref={ref}>
            <button type="button">Inside</button>
          </div>
          <button type="button">Outside</button>
        </>
      );
    }
    const { rerender } = render(<Scoped enabled />);
    await user.click(screen.getByRole('button', { name: 'Outside' }));
    await user.keyboard('{Alt>}{Shift>}{ArrowDown}{/Shift}{/Alt}');
    expect(inside).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Inside' }));
    await user.keyboard('{Alt>}{Shift>}{ArrowDown}{/Shift}{/Alt}');
    expect(inside).toHaveBeenCalledTimes(1);
    rerender(<Scoped enabled={false} />);
    await user.keyboard('{Alt>}{Shift>}{ArrowDown}{/Shift}{/Alt}');
    expect(inside).toHaveBeenCalledTimes(1);
  });

  it('throws a typed INVALID_ARGUMENT error for a bad binding', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const attempt = (keys: InboxShortcutsOptions['keys']) => () => renderHook(() => useInboxShortcuts({}, { keys }));
    for (const keys of [{ undo: 'Hyper+KeyZ' }, { nextUnread: 'Alt+Shift+Down' }, { nextMention: '' }, { undo: 'Alt+Alt+KeyZ' }]) {
      let caught: unknown;
      try {
        attempt(keys)();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InboxError);
      expect(caught).toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
    expect(attempt({ nextUnread: 'Alt+Shift+Down' })).toThrow(/"nextUnread".*unknown key "Down"/);
  });

  it('reads Mod as Ctrl on other platforms', async () => {
    vi.spyOn(navigator, 'platform', 'get').mockReturnValue('Win32');
    const user = userEvent.setup();
    const on = handlers();
    render(<Harness on={on} />);
    await user.keyboard('{Meta>}[KeyZ]{/Meta}');
    expect(on.undo).not.toHaveBeenCalled();
    await user.keyboard('{Control>}[KeyZ]{/Control}');
    expect(on.undo).toHaveBeenCalledTimes(1);
  });

  it('reads Mod as Meta (⌘) on Apple platforms, from userAgentData or platform', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator, 'platform', 'get').mockReturnValue('MacIntel');
    const mac = handlers();
    const first = render(<Harness on={mac} />);
    await user.keyboard('{Control>}[KeyZ]{/Control}');
    expect(mac.undo).not.toHaveBeenCalled();
    await user.keyboard('{Meta>}[KeyZ]{/Meta}');
    expect(mac.undo).toHaveBeenCalledTimes(1);
    first.unmount();

    vi.spyOn(navigator, 'platform', 'get').mockReturnValue('');
    Object.defineProperty(navigator, 'userAgentData', { value: { platform: 'macOS' }, configurable: true });
    const viaData = handlers();
    render(<Harness on={viaData} />);
    await user.keyboard('{Meta>}[KeyZ]{/Meta}');
    expect(viaData.undo).toHaveBeenCalledTimes(1);
  });
});
