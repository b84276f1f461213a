import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCommand } from '../../src/components/controls/shared.js';
import { failureError } from '../../src/core/failureError.js';

// Issue 16, Found 4: per-id codes such as PIN_LIMIT_EXCEEDED became ADAPTER_FAILED on their way to the UI.

describe('per-id failure codes reach the UI', () => {
  it('failureError keeps an InboxErrorCode and carries a numeric backend code as sdkCode', () => {
    expect(failureError({ id: 'a', code: 'PIN_LIMIT_EXCEEDED', message: 'too many', sdkCode: 51012 })).toMatchObject({
      code: 'PIN_LIMIT_EXCEEDED',
      sdkCode: 51012,
    });
    expect(failureError({ id: 'a', code: '70001', message: 'no' })).toMatchObject({ code: 'ADAPTER_FAILED', sdkCode: 70001 });
    expect(failureError({ id: 'constructor', code: 'weird', message: '' }).message).toContain('"constructor"');
  });

  it('useCommand turns the first per-id failure into an error with its own code', async () => {
    const { result } = renderHook(() => useCommand());
    await act(() => result.current.run(async () => ({ succeeded: [], failed: [{ id: 'a', code: 'PIN_LIMIT_EXCEEDED', message: 'At most 50.' }] })));
    expect(result.current.error?.code).toBe('PIN_LIMIT_EXCEEDED');
    expect(result.current.isPending).toBe(false);
  });
});
