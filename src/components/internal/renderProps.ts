import type { CSSProperties } from 'react';

/** A value, or a function of the component's render state (react-aria style). */
export type ValueOrFn<T, S> = T | ((state: S) => T);

export interface StyleRenderProps<S> {
  /** Class names, or a function of the render state. The default class is always kept. */
  className?: ValueOrFn<string | undefined, S>;
  /** Inline style, or a function of the render state. */
  style?: ValueOrFn<CSSProperties | undefined, S>;
}

/** Resolves `className` and `style` against the render state, keeping the stable default class first. */
export function resolveStyleProps<S>(
  defaultClassName: string,
  props: StyleRenderProps<S>,
  state: S,
): { className: string; style: CSSProperties | undefined } {
  const extra = typeof props.className === 'function' ? props.className(state) : props.className;
  const style = typeof props.style === 'function' ? props.style(state) : props.style;
  return { className: extra ? `${defaultClassName} ${extra}` : defaultClassName, style };
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
