'use client';
import type { CSSProperties, ReactNode } from 'react';

// Inline, so text for screen readers stays hidden even when the optional stylesheet is not loaded.
const HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
  border: 0,
};

/** Text read by screen readers and not shown. */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return (
    <span className="ik-visually-hidden" style={HIDDEN}>
      {children}
    </span>
  );
}
