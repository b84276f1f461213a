'use client';
import type { HTMLAttributes, ReactNode } from 'react';
import type { StyleRenderProps } from './renderProps.js';

/** Children as nodes, or as a function of the part's render state. */
export type ChildrenOrFn<S> = ReactNode | ((state: S) => ReactNode);

/** Props shared by every compound part: DOM props, `className`/`style` as values or functions, children. */
export type PartProps<E extends Element, S> = Omit<HTMLAttributes<E>, 'className' | 'style' | 'children'> &
  StyleRenderProps<S> & {
    /** Replaces the part's content; a function receives the render state. */
    children?: ChildrenOrFn<S>;
  };

export function renderChildren<S>(children: ChildrenOrFn<S> | undefined, state: S, fallback: ReactNode): ReactNode {
  if (typeof children === 'function') return children(state);
  return children === undefined ? fallback : children;
}
