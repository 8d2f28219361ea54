// Inactivity at the kiosk: after `idleSeconds` without a touch or key, a countdown of
// `countdownSeconds` is shown; any touch cancels it, reaching zero calls `onTimeout`.
import { useEffect, useRef, useState } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/** Seconds left on the countdown, or null while none is shown. */
export function useIdleCountdown(
  isActive: boolean,
  idleSeconds: number,
  countdownSeconds: number,
  onTimeout: () => void,
): { secondsLeft: number | null; stay(): void } {
  const [lastActivity, setLastActivity] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const timeout = useRef(onTimeout);
  timeout.current = onTimeout;

  useEffect(() => {
    if (!isActive) return;
    setLastActivity(Date.now());
    const touched = () => setLastActivity(Date.now());
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, touched, { capture: true, passive: true });
    const ticker = window.setInterval(() => setNow(Date.now()), 250);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touched, { capture: true });
      window.clearInterval(ticker);
    };
  }, [isActive]);

  const idleFor = (now - lastActivity) / 1000;
  const left =
    isActive && idleFor >= idleSeconds ? Math.ceil(idleSeconds + countdownSeconds - idleFor) : null;
  const secondsLeft = left === null ? null : Math.max(0, left);

  useEffect(() => {
    if (secondsLeft === 0) timeout.current();
  }, [secondsLeft]);

  return { secondsLeft, stay: () => setLastActivity(Date.now()) };
}
