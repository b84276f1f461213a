'use client';
import type { CSSProperties } from 'react';

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
export const visuallyHidden = (text: string) => (
  <span className="ik-visually-hidden" style={HIDDEN}>
    {text}
  </span>
);

