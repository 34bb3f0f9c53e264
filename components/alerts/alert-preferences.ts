// Each staff member's alert choices (desktop notifications, sound), remembered in this browser under
// their email so two people sharing a machine keep their own. Off unless chosen; a stored value that
// does not parse counts as never chosen.
import { z } from "zod";

export interface AlertPreferences {
  notifications: boolean;
  sound: boolean;
}

export const DEFAULT_ALERT_PREFERENCES: Readonly<AlertPreferences> = Object.freeze({ notifications: false, sound: false });

const schema = z.object({ notifications: z.boolean().catch(false), sound: z.boolean().catch(false) });

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function preferencesKey(email: string): string {
  return `assetpay-ops:alerts:${email.trim().toLowerCase()}`;
}

export function readAlertPreferences(storage: KeyValueStorage | null, email: string): AlertPreferences {
  try {
    const raw = storage?.getItem(preferencesKey(email));
    if (!raw) return { ...DEFAULT_ALERT_PREFERENCES };
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : { ...DEFAULT_ALERT_PREFERENCES };
  } catch {
    return { ...DEFAULT_ALERT_PREFERENCES };
  }
}

export function writeAlertPreferences(storage: KeyValueStorage | null, email: string, prefs: AlertPreferences): void {
  try {
    storage?.setItem(preferencesKey(email), JSON.stringify(prefs));
  } catch {
    // Storage full or blocked (private mode): the choice holds for this page only.
  }
}
