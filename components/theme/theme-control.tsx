"use client";
// The header's Theme control: Light, Dark, or System (follow the operating system's colour scheme).
// A native select, so it is named "Theme", keyboard-usable and compact on a phone.
import { THEME_CHOICES, type ThemeChoice } from "./theme-choice";
import { ThemeIcon } from "./theme-icon";
import { useThemeChoice } from "./use-theme-choice";

const LABEL: Record<ThemeChoice, string> = { system: "System", light: "Light", dark: "Dark" };

export function ThemeControl() {
  const [choice, choose] = useThemeChoice();
  return (
    <label className="inline-flex items-center gap-1.5 rounded-md border border-slate-700 px-2 py-1 text-slate-200 focus-within:ring-2 focus-within:ring-sky-400">
      <ThemeIcon choice={choice} />
      <select
        value={choice}
        onChange={(event) => choose(event.target.value as ThemeChoice)}
        aria-label="Theme"
        title="Theme"
        className="cursor-pointer bg-transparent text-sm text-slate-200 focus:outline-none"
      >
        {THEME_CHOICES.map((option) => (
          <option key={option} value={option} className="bg-slate-900 text-slate-100">
            {LABEL[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
