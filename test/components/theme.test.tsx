import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

describe('theme variables in style', () => {
  it('accepts --ik-* custom properties in a typed style object and applies them', () => {
    // Compiles without a cast thanks to the CSSProperties augmentation the kit ships.
    const { container } = render(<div style={{ '--ik-row-height': '72px', '--ik-color-accent': '#4f46e5' }} />);
    const div = container.firstElementChild as HTMLElement;
    expect(div.style.getPropertyValue('--ik-row-height')).toBe('72px');
    expect(div.style.getPropertyValue('--ik-color-accent')).toBe('#4f46e5');
  });
});
