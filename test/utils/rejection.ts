import { expect } from 'vitest';
import { InboxError } from '../../src/core/errors.js';

/** The InboxError a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function rejectionOf(promise: Promise<unknown>): Promise<InboxError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(InboxError);
    return error as InboxError;
  }
  throw new Error('expected a rejection');
}
