import { describe, expect, it } from 'vitest';
import { safeAvatarUrl } from '../../../src/core/validate.js';

// Found 9: safeAvatarUrl passed "java\tscript:" and friends as relative URLs; browsers strip those characters and
// resolve them to javascript: and data:text/html. It now parses as browsers do (WHATWG URL), then allows a scheme.

describe('safeAvatarUrl', () => {
  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\x01javascript:alert(1)',
    ' \x00javascript:alert(1)',
    '\u0019javascript:alert(1)',
    'jav&#x09;ascript:alert(1)'.replace('&#x09;', '\t'),
    'd\tata:text/html,<script>alert(1)</script>',
    'data:text/html,<b>x</b>',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'DATA:image/svg+xml;base64,PHN2Zz4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/a.png',
    'http://[not a host',
    '',
    '   ',
  ])('refuses %j', (url) => {
    expect(safeAvatarUrl(url)).toBeUndefined();
  });

  it.each([
    ['https://cdn.example.com/a.png', 'https://cdn.example.com/a.png'],
    ['HTTP://cdn.example.com/a.png', 'http://cdn.example.com/a.png'],
    ['blob:https://app.example.com/5f1c', 'blob:https://app.example.com/5f1c'],
    ['data:image/png;base64,iVBORw0KGgo=', 'data:image/png;base64,iVBORw0KGgo='],
    ['data:image/webp,abc', 'data:image/webp,abc'],
    ['/avatars/1.png', '/avatars/1.png'],
    ['avatars/1.png', 'avatars/1.png'],
    ['  /avatars/2.png  ', '/avatars/2.png'],
  ])('allows %j', (url, expected) => {
    expect(safeAvatarUrl(url)).toBe(expected);
  });

  it.each([null, undefined, 5, {}, ['https://x']])('refuses a non-string (%j)', (value) => {
    expect(safeAvatarUrl(value)).toBeUndefined();
  });
});
