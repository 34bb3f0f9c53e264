// The alert sound: a short two-tone beep made with WebAudio (no audio file to fetch). Browsers only
// let audio start after a user gesture, so the context is created by unlockAlertSound(), called from
// a click or key press; before that, beep() stays silent.
let context: AudioContext | null = null;

export function unlockAlertSound(): void {
  if (typeof AudioContext === "undefined") return;
  context ??= new AudioContext();
  if (context.state === "suspended") void context.resume();
}

export function alertSoundUnlocked(): boolean {
  return context !== null && context.state === "running";
}

export function beep(): void {
  if (context === null || context.state !== "running") return;
  const start = context.currentTime;
  for (const [offset, frequency] of [
    [0, 880],
    [0.18, 660],
  ] as const) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.15);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.16);
  }
}
