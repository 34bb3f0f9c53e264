// The one time-zone choice of this browser (local or UTC), remembered in localStorage and shared by
// every component and tab: each shown time reads it through useTimeZone(). No React here.
import { type TimeZoneChoice, isTimeZoneChoice } from "@/lib/time/format-time";

const STORAGE_KEY = "assetpay-ops.time-zone";
const listeners = new Set<() => void>();
let current: TimeZoneChoice | null = null;

function readStored(): TimeZoneChoice {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isTimeZoneChoice(stored) ? stored : "local";
  } catch {
    return "local"; // storage blocked (privacy mode): the choice lasts for this page only
  }
}

export function getTimeZone(): TimeZoneChoice {
  if (current === null) current = readStored();
  return current;
}

/** Before hydration there is no browser to ask; the server renders the default. */
export function getServerTimeZone(): TimeZoneChoice {
  return "local";
}

export function setTimeZone(zone: TimeZoneChoice): void {
  current = zone;
  try {
    window.localStorage.setItem(STORAGE_KEY, zone);
  } catch {
    // not remembered, still applied
  }
  for (const listener of listeners) listener();
}

export function subscribeTimeZone(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of this browser chose a zone: follow it.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    current = readStored();
    listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}
