import type { Conversation } from '../../src/index.js';
import { paintedAvatar } from './fixtures.js';

const PALETTE = ['#2563eb', '#7c3aed', '#db2777', '#ea580c', '#16a34a', '#0891b2', '#4f46e5', '#9333ea', '#c2410c', '#0f766e'];
const LETTERS = ['A', 'B', 'K', 'M', 'S', 'Y', '研', '営', '家', '✦'];

/**
 * Generated conversations point their avatars at `https://avatars.example.com/`. Stories stay offline: those
 * become one of a few painted PNG data URLs (the same image object for many rows, so it is cheap at 100,000).
 */
export function withLocalAvatars(conversations: readonly Conversation[]): Conversation[] {
  let painted: string[] | undefined;
  return conversations.map((conversation, i) => {
    if (!conversation.avatarUrl) return conversation;
    painted ??= PALETTE.map((colour, n) => paintedAvatar(colour, LETTERS[n]!));
    return { ...conversation, avatarUrl: painted[i % painted.length] };
  });
}
