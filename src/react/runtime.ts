'use client';
/**
 * React's runtime APIs, for every hook and component of the kit. Importing them from one module makes a bundle of the kit
 * refer to each API through one binding (one `import … from "react"` instead of one per module), which compresses
 * measurably better. Types still come from `react` directly.
 */
export {
  createContext,
  createElement,
  forwardRef,
  Fragment,
  memo,
  useCallback,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
