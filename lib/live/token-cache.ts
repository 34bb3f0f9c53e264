// Browser-side cache of the AssetPay client token minted by our own `/api/assetpay/token` route.
// It dedupes concurrent fetches, refreshes ahead of `exp` (with jitter, so a room full of tabs does not
// stampede the route), and always answers `current()` synchronously so a reconnect can use a valid token
// without awaiting. It must never see the merchant API key or secret (the server keeps those) and
// never retries after a 401: that means the staff session ended.
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

export interface TokenCacheOptions {
  fetchToken?: () => Promise<Response>;
  now?: () => number;
  random?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** A token with less than this left is not handed out (the socket would be dropped at once). */
  minRemainingMs?: number;
  onRefreshed?: (token: ClientToken) => void;
  onSignedOut?: () => void;
}

/** Refresh when 80 % of the lifetime is gone, at least 60 s before expiry, minus up to 10 % jitter. */
export function refreshDelayMs(issuedAt: number, expiresAt: number, random: number): number {
  const lifetime = Math.max(0, expiresAt - issuedAt);
  const lead = Math.max(60_000, lifetime * 0.2);
  const jitter = lifetime * 0.1 * random;
  return Math.max(0, lifetime - lead - jitter);
}

const defaultFetch = () =>
  fetch("/api/assetpay/token", {
    method: "POST",
    credentials: "same-origin",
    cache: "no-store",
    headers: { accept: "application/json" },
  });

export class TokenCache {
  private cached: ClientToken | null = null;
  private inFlight: Promise<ClientToken> | null = null;
  private refreshTimer: unknown = null;
  private signedOut = false;
  private readonly fetchToken: () => Promise<Response>;
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
    return this.cached.expiresAt - this.now() > this.minRemainingMs ? this.cached : null;
  }

  /** The current token, or a fresh one; concurrent callers share one request. */
  async get(): Promise<ClientToken> {
    return this.current() ?? this.refresh();
  }

  /** Drop the cached token (AssetPay refused it) so the next `get()` mints a new one. */
  invalidate(): void {
    this.cached = null;
  }

  refresh(): Promise<ClientToken> {
    if (this.signedOut) return Promise.reject(new SignedOutError());
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
    let response: Response;
    try {
      response = await this.fetchToken();
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
    this.cached = token;
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
