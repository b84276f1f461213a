'use client';
import { createContext, useContext } from 'react';

/**
 * True inside a row of `ConversationList`'s grid. Controls inside a row take `tabIndex={-1}` there: the grid is
 * one tab stop and the arrow keys move into a row's controls.
 */
export const InGridContext = createContext(false);

/**
 * Whether the component renders inside a `ConversationList` row. Controls placed in rows (through
 * `renderItem` or `itemComponents`) should then take `tabIndex={-1}`: the grid is a single tab stop, and
 * ArrowRight/ArrowLeft move between a row's controls.
 */
export function useInConversationListRow(): boolean {
  return useContext(InGridContext);
}
