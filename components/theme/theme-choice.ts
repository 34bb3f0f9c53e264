// The person's theme choice: light, dark, or (no choice) the system's colour scheme. It lives in a
// cookie so the server renders <html data-theme> with the page and nothing flashes before scripts run
// (app/layout.tsx); the colours themselves are app/globals.css. Pure: no DOM, no Next.js.

export const THEME_COOKIE = "ops-theme";
export const THEME_CHOICES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** A cookie's value as a choice; anything unknown (or none) is "system". */
export function parseThemeChoice(value: string | null | undefined): ThemeChoice {
  return value === "light" || value === "dark" ? value : "system";
}

/** The data-theme attribute for a choice: none for "system", so CSS follows prefers-color-scheme. */
export function themeAttribute(choice: ThemeChoice): "light" | "dark" | undefined {
  return choice === "system" ? undefined : choice;
}

/** What to assign to document.cookie to remember a choice for a year ("system" forgets it). */
export function themeCookieAssignment(choice: ThemeChoice, secure: boolean): string {
  const value = choice === "system" ? "; Max-Age=0" : `${choice}; Max-Age=31536000`;
  return `${THEME_COOKIE}=${value}; Path=/; SameSite=Lax${secure ? "; Secure" : ""}`;
}
