// Human formatting for durations and money. Pure and locale-fixed (en-US) so server and browser
// render the same text and tests are stable. Never used for arithmetic.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "45 s", "17 min", "3 h 5 min", "2 d 4 h" — two units at most, floored; negatives read "0 s". */
export function formatDuration(ms: number): string {
  const t = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (t < MINUTE) return `${Math.floor(t / SECOND)} s`;
  if (t < HOUR) return `${Math.floor(t / MINUTE)} min`;
  if (t < DAY) {
    const h = Math.floor(t / HOUR);
    const m = Math.floor((t % HOUR) / MINUTE);
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const d = Math.floor(t / DAY);
  const h = Math.floor((t % DAY) / HOUR);
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

const USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** Trade prices are USD dollars as numbers: 1234.5 → "$1,234.50". */
export function formatUsd(amount: number): string {
  return Number.isFinite(amount) ? USD.format(amount) : "—";
}

/** Funding amounts arrive as decimal strings; display only (rounding to cents is fine here). */
export function formatUsdDecimal(amount: string | null | undefined): string {
  if (amount == null || amount.trim() === "") return "—";
  const n = Number(amount);
  return Number.isFinite(n) ? USD.format(n) : "—";
}
