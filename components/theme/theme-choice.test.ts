import { describe, expect, it } from "vitest";
import { parseThemeChoice, themeAttribute, themeCookieAssignment } from "./theme-choice";

describe("theme choice", () => {
  it("reads light and dark from the cookie and anything else as following the system", () => {
    expect(parseThemeChoice("light")).toBe("light");
    expect(parseThemeChoice("dark")).toBe("dark");
    for (const other of [undefined, null, "", "system", "LIGHT", "light;", "blue"]) expect(parseThemeChoice(other)).toBe("system");
  });

  it("sets data-theme only for an explicit choice", () => {
    expect(themeAttribute("light")).toBe("light");
    expect(themeAttribute("dark")).toBe("dark");
    expect(themeAttribute("system")).toBeUndefined();
  });

  it("remembers a choice for a year and forgets it for system", () => {
    expect(themeCookieAssignment("dark", false)).toBe("ops-theme=dark; Max-Age=31536000; Path=/; SameSite=Lax");
    expect(themeCookieAssignment("light", true)).toBe("ops-theme=light; Max-Age=31536000; Path=/; SameSite=Lax; Secure");
    expect(themeCookieAssignment("system", false)).toBe("ops-theme=; Max-Age=0; Path=/; SameSite=Lax");
  });
});
