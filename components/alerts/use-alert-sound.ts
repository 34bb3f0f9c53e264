"use client";
// While the Sound choice is on and alerts need attention, beep now and every ~10 s until none do.
// A choice remembered from an earlier visit cannot start audio by itself (autoplay rules): the first
// click or key press on the page unlocks it.
import { useEffect } from "react";
import { beep, unlockAlertSound } from "./alert-sound";

export const SOUND_REPEAT_MS = 10_000;

export function useAlertSound(enabled: boolean, attention: number): void {
  useEffect(() => {
    if (!enabled) return;
    const unlock = () => unlockAlertSound();
    window.addEventListener("pointerdown", unlock, { once: true });
    window.addEventListener("keydown", unlock, { once: true });
    return () => {
      window.removeEventListener("pointerdown", unlock);
      window.removeEventListener("keydown", unlock);
    };
  }, [enabled]);

  const ringing = enabled && attention > 0;
  useEffect(() => {
    if (!ringing) return;
    beep();
    const timer = setInterval(beep, SOUND_REPEAT_MS);
    return () => clearInterval(timer);
  }, [ringing]);
}
