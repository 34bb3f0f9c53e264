// Browser-side cache of the AssetPay client token minted by our own `/api/assetpay/token` route.
// It dedupes concurrent fetches, refreshes ahead of `exp` (with jitter, so a room full of tabs does not
// stampede the route), and always answers `current()` synchronously so a reconnect can use a valid token
// without awaiting. It must never see the merchant API key or secret (the server keeps those) and
// never retries after a 401: that means the staff session ended. After AssetPay refused a token, the
// next request names it by its SHA-256 hex digest (never the token itself), so the server's per-staff
// cache (lib/assetpay/token-grant-cache.ts) does not hand the refused token back.
import { z } from "zod";

const tokenResponseSchema = z.object({
  token: z.string().min(1),
  expiresAt: z.string().min(1),
  wsUrl: z.string().min(1),
});

export interface ClientToken {
  token: string;
  wsUrl: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** The token route answered 401: the staff member is signed out; retrying cannot help. */
export class SignedOutError extends Error {
  constructor() {
    super("Your staff session has ended: sign in again.");
    this.name = "SignedOutError";
  }
}

export class TokenFetchError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
    this.name = "TokenFetchError";
  }
}

/** What a token request tells the route: the digest of the token AssetPay refused, if any. */
export interface TokenRequest {
  refused?: string;
}

export interface TokenCacheOptions {
  fetchToken?: (request: TokenRequest) => Promise<Response>;
  now?: () => number;
  random?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** A token with less than this left is not handed out (the socket would be dropped at once). */
  minRemainingMs?: number;
  onRefreshed?: (token: ClientToken) => void;
  onSignedOut?: () => void;
}

/** Never refresh sooner than this after a mint, whatever the lifetime: a broken clock or a tiny TTL must not spin. */
export const MIN_REFRESH_INTERVAL_MS = 5_000;

/**
 * How long before `exp` to refresh: 20 % of the lifetime, but at least 10 s (the mint round-trip, the
 * new socket's open and AssetPay's ~1.5 s refusal window all fit in it), and never more than half the
 * lifetime, so a short token is still used for most of its life. The old max(60 s, 20 %) was at least
 * the whole lifetime for tokens of 75 s or less, which refreshed at once, forever.
 */
export function refreshLeadMs(lifetimeMs: number): number {
  return Math.min(Math.max(lifetimeMs * 0.2, 10_000), lifetimeMs * 0.5);
}

/**
 * Delay from issue to refresh: the lifetime minus the lead, minus up to 10 % of the lifetime as jitter
 * (so a room full of tabs does not refresh at once), and never under MIN_REFRESH_INTERVAL_MS. With any
 * lifetime from 30 s up a token is used for 40–80 % of its life: mints ≈ elapsed / (most of the lifetime).
 */
export function refreshDelayMs(issuedAt: number, expiresAt: number, random: number): number {
  const lifetime = Math.max(0, expiresAt - issuedAt);
  const jitter = lifetime * 0.1 * random;
  return Math.max(MIN_REFRESH_INTERVAL_MS, lifetime - refreshLeadMs(lifetime) - jitter);
}

/**
 * A token with less than this left is not handed out for a new connection: `minRemainingMs`, but for a
 * short token never more than 15 % of its life, which is less than the refresh lead (≥ 20 %), so the
 * token in hand stays usable until its successor arrives instead of forcing a second mint.
 */
function usableRemainingMs(lifetimeMs: number, minRemainingMs: number): number {
  return Math.min(minRemainingMs, lifetimeMs * 0.15);
}

const defaultFetch = (request: TokenRequest) =>
  fetch("/api/assetpay/token", {
    method: "POST",
    credentials: "same-origin",
    cache: "no-store",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify(request),
  });

/**
 * SHA-256 hex of a token, as the route compares it. Web Crypto exists only in secure contexts (HTTPS or
 * localhost); without it the refusal goes unnamed and the server hands out its remembered token until
 * a quarter of that token's life is used.
 */
export async function tokenDigest(token: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export class TokenCache {
  private cached: ClientToken | null = null;
  /** Lifetime of the cached token as this browser measured it (request to `exp`). */
  private cachedLifetimeMs = 0;
  /** When the last successful mint was requested; a refresh sooner than MIN_REFRESH_INTERVAL_MS reuses it. */
  private lastMintAt: number | null = null;
  private inFlight: Promise<ClientToken> | null = null;
  /** The token AssetPay refused last, named (by digest) in the next request until one succeeds. */
  private refusedToken: string | null = null;
  private refreshTimer: unknown = null;
  private signedOut = false;
  private readonly fetchToken: (request: TokenRequest) => Promise<Response>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly minRemainingMs: number;

  constructor(private readonly options: TokenCacheOptions = {}) {
    this.fetchToken = options.fetchToken ?? defaultFetch;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    this.minRemainingMs = options.minRemainingMs ?? 15_000;
  }

  /** A token good for at least `minRemainingMs`, or null. Never blocks. */
  current(): ClientToken | null {
    if (!this.cached) return null;
    const remaining = this.cached.expiresAt - this.now();
    return remaining > usableRemainingMs(this.cachedLifetimeMs, this.minRemainingMs) ? this.cached : null;
  }

  /** The current token, or a fresh one; concurrent callers share one request. */
  async get(): Promise<ClientToken> {
    return this.current() ?? this.refresh();
  }

  /**
   * AssetPay refused `refusedToken` (by default the cached one): drop the cached token so the next
   * `get()` fetches a new one, and name the refused one in that request.
   */
  invalidate(refusedToken: string | undefined = this.cached?.token): void {
    if (refusedToken !== undefined) this.refusedToken = refusedToken;
    this.cached = null;
  }

  refresh(): Promise<ClientToken> {
    if (this.signedOut) return Promise.reject(new SignedOutError());
    // A token minted moments ago and not refused is as fresh as a new one would be: no mint storm,
    // whatever calls refresh() in a loop. A refused token was invalidated, so it is not reused here.
    const cached = this.cached;
    if (cached && this.lastMintAt !== null && this.now() - this.lastMintAt < MIN_REFRESH_INTERVAL_MS && cached.expiresAt > this.now()) {
      return Promise.resolve(cached);
    }
    this.inFlight ??= this.fetchAndStore().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  dispose(): void {
    if (this.refreshTimer !== null) this.clearTimer(this.refreshTimer);
    this.refreshTimer = null;
  }

  private async fetchAndStore(): Promise<ClientToken> {
    const requestedAt = this.now();
    const refusedToken = this.refusedToken;
    const refused = refusedToken === null ? null : await tokenDigest(refusedToken);
    let response: Response;
    try {
      response = await this.fetchToken(refused === null ? {} : { refused });
    } catch (error) {
      throw new TokenFetchError(`Could not reach the dashboard server: ${String(error)}`, null, null);
    }
    if (response.status === 401) {
      this.signedOut = true;
      this.cached = null;
      this.dispose();
      this.options.onSignedOut?.();
      throw new SignedOutError();
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const retryAfter = Number(response.headers.get("retry-after"));
      throw new TokenFetchError(
        describeError(body) ?? `Token route answered HTTP ${response.status}`,
        response.status,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
      );
    }
    const parsed = tokenResponseSchema.safeParse(body);
    const expiresAt = parsed.success ? Date.parse(parsed.data.expiresAt) : Number.NaN;
    if (!parsed.success || !Number.isFinite(expiresAt)) {
      throw new TokenFetchError("Token route answered with an unexpected body", response.status, null);
    }
    const token: ClientToken = { token: parsed.data.token, wsUrl: parsed.data.wsUrl, expiresAt };
    // A refusal reported meanwhile (by another socket) still needs naming on the next request.
    if (this.refusedToken === refusedToken) this.refusedToken = null;
    this.cached = token;
    this.cachedLifetimeMs = Math.max(0, expiresAt - requestedAt);
    this.lastMintAt = requestedAt;
    this.scheduleRefresh(requestedAt, expiresAt);
    this.options.onRefreshed?.(token);
    return token;
  }

  private scheduleRefresh(issuedAt: number, expiresAt: number): void {
    this.dispose();
    const delay = refreshDelayMs(issuedAt, expiresAt, this.random());
    this.refreshTimer = this.setTimer(() => {
      this.refreshTimer = null;
      // A failed background refresh is not fatal: `get()` tries again when the token is really needed.
      this.refresh().catch(() => undefined);
    }, delay);
  }
}

function describeError(body: unknown): string | null {
  const parsed = z.object({ error: z.object({ message: z.string() }) }).safeParse(body);
  return parsed.success ? parsed.data.error.message : null;
}
