import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useTabKeyboard, type TabKeyboardOptions } from '../../src/components/GroupTabs/useTabKeyboard.js';

const VALUES = [null, 'Work', 'Family'];

/** A bare tab list on the hook: one tab per value, the first active. */
function TabList(props: Omit<TabKeyboardOptions, 'tabValues'> & { wrapperDir?: 'ltr' | 'rtl' }) {
  const onKeyDown = useTabKeyboard({ tabValues: VALUES, ...props });
  return (
    <div dir={props.wrapperDir}>
      <div role="tablist" onKeyDown={onKeyDown}>
        {VALUES.map((value, index) => (
          <button key={index} type="button" role="tab" tabIndex={index === 0 ? 0 : -1}>
            {value ?? 'All'}
          </button>
        ))}
      </div>
    </div>
  );
}

function setup(options: Partial<Omit<TabKeyboardOptions, 'tabValues'>> & { wrapperDir?: 'ltr' | 'rtl' } = {}) {
  const handlers = { onSelect: vi.fn(), onOpenMenu: vi.fn(), onOpenDialog: vi.fn() };
  render(<TabList dir={undefined} isEditable {...handlers} {...options} />);
  const tab = (name: string) => screen.getByRole('tab', { name });
  /** Presses a key on a tab; whether the hook took it (prevented the default). */
  const press = (name: string, key: string, init: Partial<KeyboardEventInit> = {}) => !fireEvent.keyDown(tab(name), { key, ...init });
  return { ...handlers, tab, press };
}

describe('useTabKeyboard', () => {
  it('moves focus and selection together with the arrows, wrapping at both ends', () => {
    const { onSelect, tab, press } = setup();
    expect(press('All', 'ArrowRight')).toBe(true);
    expect(tab('Work')).toHaveFocus();
    expect(onSelect).toHaveBeenLastCalledWith('Work');
    press('All', 'ArrowLeft');
    expect(tab('Family')).toHaveFocus();
    press('Family', 'ArrowRight');
    expect(tab('All')).toHaveFocus();
    // All is the value null, not a missing value.
    expect(onSelect).toHaveBeenLastCalledWith(null);
  });

  it('goes to the first and last tab with Home and End', () => {
    const { onSelect, tab, press } = setup();
    press('Work', 'End');
    expect(tab('Family')).toHaveFocus();
    press('Family', 'Home');
    expect(tab('All')).toHaveFocus();
    expect(onSelect.mock.calls).toEqual([['Family'], [null]]);
  });

  it('mirrors the arrows in right-to-left, from the dir option or from the layout', () => {
    const fromOption = setup({ dir: 'rtl' });
    fromOption.press('All', 'ArrowLeft');
    expect(fromOption.onSelect).toHaveBeenLastCalledWith('Work');
    cleanup();
    const fromAncestor = setup({ wrapperDir: 'rtl' });
    fromAncestor.press('All', 'ArrowLeft');
    expect(fromAncestor.onSelect).toHaveBeenLastCalledWith('Work');
  });

  it('leaves modified keys and composition to the browser and the app', () => {
    const { onSelect, press } = setup();
    expect(press('All', 'ArrowRight', { altKey: true })).toBe(false);
    expect(press('All', 'ArrowRight', { ctrlKey: true })).toBe(false);
    expect(press('All', 'ArrowRight', { metaKey: true })).toBe(false);
    expect(press('All', 'ArrowRight', { isComposing: true })).toBe(false);
    expect(onSelect).not.toHaveBeenCalled();
  });

  it("opens a group's menu with the context-menu key or Shift+F10, rename with F2 and delete with Delete", () => {
    const { onOpenMenu, onOpenDialog, tab, press } = setup();
    expect(press('Work', 'ContextMenu')).toBe(true);
    expect(press('Work', 'F10', { shiftKey: true })).toBe(true);
    expect(onOpenMenu.mock.calls).toEqual([
      ['Work', tab('Work')],
      ['Work', tab('Work')],
    ]);
    expect(press('Family', 'F2')).toBe(true);
    expect(press('Family', 'Delete')).toBe(true);
    expect(onOpenDialog.mock.calls).toEqual([
      ['rename', 'Family', tab('Family')],
      ['delete', 'Family', tab('Family')],
    ]);
    expect(press('Work', 'F10')).toBe(false);
  });

  it('offers no menu, rename or delete on All, nor when editing is off', () => {
    const editable = setup();
    expect(editable.press('All', 'F2')).toBe(false);
    expect(editable.press('All', 'ContextMenu')).toBe(false);
    cleanup();
    const readOnly = setup({ isEditable: false });
    expect(readOnly.press('Work', 'Delete')).toBe(false);
    expect(readOnly.onOpenDialog).not.toHaveBeenCalled();
    expect(readOnly.onOpenMenu).not.toHaveBeenCalled();
  });
});
