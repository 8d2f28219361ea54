// Keyboard-wedge readers (ID card readers, QR scanners) "type" what they read into the focused
// field: a burst of characters, a few milliseconds apart, ending with Enter. A person typing is far
// slower, so the gaps between keys tell the two apart: a read counts only when it is long enough
// and every gap is short. What a person types is refused, so nobody can sign in as somebody else by
// typing an ID number on a keyboard plugged into the terminal.
import { useCallback, useRef } from 'react';
import type { KeyboardEvent } from 'react';

/** The slowest gap between two keys of a reader's burst, in milliseconds. */
export const MAX_READER_GAP_MS = 35;
const MIN_LENGTH = 8;

export type WedgeResult = { kind: 'read'; text: string } | { kind: 'typed' };

/** Handlers for the hidden reader input; `onResult` gets each finished burst. */
export function useWedgeReader(onResult: (result: WedgeResult) => void) {
  const buffer = useRef('');
  const lastKeyAt = useRef(0);
  const slowest = useRef(0);

  const reset = useCallback(() => {
    buffer.current = '';
    lastKeyAt.current = 0;
    slowest.current = 0;
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) => {
      const now = event.timeStamp || performance.now();
      if (event.key === 'Enter') {
        event.preventDefault();
        const text = buffer.current;
        const isBurst = text.length >= MIN_LENGTH && slowest.current <= MAX_READER_GAP_MS;
        reset();
        event.currentTarget.value = '';
        if (text.length > 0) onResult(isBurst ? { kind: 'read', text } : { kind: 'typed' });
        return;
      }
      if (event.key.length !== 1) return;
      event.preventDefault();
      if (buffer.current.length > 0) slowest.current = Math.max(slowest.current, now - lastKeyAt.current);
      lastKeyAt.current = now;
      buffer.current += event.key;
      if (buffer.current.length > 200) reset();
    },
    [onResult, reset],
  );

  return { onKeyDown, reset };
}

/** An 18-character resident ID number (the last character may be X). */
export const ID_NUMBER = /^\d{17}[\dXx]$/;
/** A QR sign-in token from the web app. */
export const QR_TOKEN = /^TBK1\.[A-Za-z0-9_-]{20,90}$/;
