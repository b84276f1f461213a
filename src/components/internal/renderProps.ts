import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';

/** A value, or a function of the component's render state (react-aria style). */
export type ValueOrFn<T, S> = T | ((state: S) => T);

export interface StyleRenderProps<S> {
  /** Class names, or a function of the render state. The default class is always kept. */
  className?: ValueOrFn<string | undefined, S>;
  /** Inline style, or a function of the render state. */
  style?: ValueOrFn<CSSProperties | undefined, S>;
}

/** Children as nodes, or as a function of the part's render state. */
export type ChildrenOrFn<S> = ReactNode | ((state: S) => ReactNode);

/** Props shared by every compound part: DOM props, `className`/`style` as values or functions, children. */
export type PartProps<E extends Element, S> = Omit<HTMLAttributes<E>, 'className' | 'style' | 'children'> &
  StyleRenderProps<S> & {
    /** Replaces the part's content; a function receives the render state. */
    children?: ChildrenOrFn<S>;
  };

const resolve = <T, S>(value: ValueOrFn<T, S>, state: S): T =>
  typeof value === 'function' ? (value as (state: S) => T)(state) : value;

/** Resolves `className` and `style` against the render state, keeping the stable default class first. */
export function resolveStyleProps<S>(
  defaultClassName: string,
  className: StyleRenderProps<S>['className'],
  style: StyleRenderProps<S>['style'],
  state: S,
): { className: string; style: CSSProperties | undefined } {
  const extra = resolve(className, state);
  return { className: extra ? `${defaultClassName} ${extra}` : defaultClassName, style: resolve(style, state) };
}

/** Children given as a function are called with the state; absent children are the part's own content. */
export function renderChildren<S>(children: ChildrenOrFn<S> | undefined, state: S, fallback: ReactNode): ReactNode {
  return children === undefined ? fallback : resolve(children, state);
}

/** `true` → `''` and `false` → `undefined`, so a state attribute is present or absent. */
export function dataFlag(value: boolean | undefined): '' | undefined {
  return value ? '' : undefined;
}

/** Runs the user's handler first; the kit's only when the user did not call `preventDefault()`. */
export function composeHandlers<E extends { defaultPrevented: boolean }>(
  user: ((event: E) => void) | undefined,
  own: (event: E) => void,
): (event: E) => void {
  return (event) => {
    user?.(event);
    if (!event.defaultPrevented) own(event);
  };
}

declare module 'react' {
  /** The kit's theme variables are valid in `style`: `style={{ '--ik-color-accent': '#4f46e5' }}`. */
  interface CSSProperties {
    [variable: `--ik-${string}`]: string | number | undefined;
  }
}
