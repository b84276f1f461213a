import { isRecord } from '../../core/isRecord.js';

type Json = Record<string, unknown>;


/**
 * A JSON object given as an object or as JSON text (the SDK hands over both, `tryParse` decides), else `undefined`.
 * Never throws: `latestMsg` is `""` after a clear, and rows written by other clients may hold anything.
 */
export function parseJsonObject(text: unknown): Json | undefined {
  if (isRecord(text)) return text;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
