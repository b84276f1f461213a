/**
 * A voice or video message's length as the detail a row shows after the kind's label: `m:ss` (`0:42`, `12:05`),
 * the form every locale the kit ships reads the same way. Undefined when the SDK gave no length.
 */
export function durationDetail(seconds: unknown): string | undefined {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
