// The tab's own signal, pure: the document title starts with "(N) " while N alerts need attention,
// and the favicon carries a badge with N ("9+" past nine). No DOM here; use-tab-signal.ts applies it.

const COUNT_PREFIX = /^\(\d+\)\s/;

/** The title without any count prefix this module added. */
export function baseTitle(title: string): string {
  return title.replace(COUNT_PREFIX, "");
}

export function titleWithCount(title: string, count: number): string {
  const base = baseTitle(title);
  return count > 0 ? `(${count}) ${base}` : base;
}

/** The favicon badge's text, or null for no badge (restore the plain icon). */
export function badgeLabel(count: number): string | null {
  if (!Number.isFinite(count) || count <= 0) return null;
  return count > 9 ? "9+" : String(Math.floor(count));
}
