// The one way the server talks to AssetPay's REST API: sends the `api-key` header, checks the
// `{ requestId, success, data | error }` envelope with zod, and turns every failure (AssetPay error,
// HTTP status without an envelope, network, timeout, unexpected shape) into one typed `AssetPayError`.
// It must never put the API key in an error message or a log line.
import "server-only";
import { z } from "zod";
import { env } from "@/lib/env/server";
import { recorderBudgetStore } from "./budget-store-recorder";
import { bucketConfig, RateBudget } from "./rate-budget";

/** Keys this module invents for failures AssetPay itself did not name. */
export type LocalErrorKey = "NETWORK_ERROR" | "TIMEOUT" | "BAD_RESPONSE";

export class AssetPayError extends Error {
  /** AssetPay's error key (branch on this, codes differ between doc versions), or a LocalErrorKey. */
  readonly key: string;
  readonly code: number | null;
  /** null when no HTTP answer arrived. */
  readonly httpStatus: number | null;
  /** From `Retry-After` when AssetPay sent it. */
  readonly retryAfterSeconds: number | null;
  readonly requestId: string | null;

  constructor(init: {
    key: string;
    message: string;
    code?: number | null;
    httpStatus?: number | null;
    retryAfterSeconds?: number | null;
    requestId?: string | null;
  }) {
    super(init.message);
    this.name = "AssetPayError";
    this.key = init.key;
    this.code = init.code ?? null;
    this.httpStatus = init.httpStatus ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.requestId = init.requestId ?? null;
  }
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface AssetPayClientOptions {
  baseUrl: string;
  apiKey: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  now?: () => number;
  /** Every request first takes from this budget, and a 429 pauses it for everyone (see ./rate-budget). */
  budget?: RateBudget;
  /** How long a request may wait for the budget before failing as RATE_LIMITED; default 5 s. */
  maxBudgetWaitMs?: number;
}

export interface AssetPayRequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Replaces the `api-key` header, e.g. `{ authorization: "Bearer …" }` for client-token routes. */
  auth?: Record<string, string>;
}

export interface AssetPayClient {
  /** `data` of a successful envelope, checked against `schema`. */
  request<T>(path: string, schema: z.ZodType<T>, options?: AssetPayRequestOptions): Promise<T>;
}

const envelopeSchema = z.discriminatedUnion("success", [
  z.object({ success: z.literal(true), requestId: z.string().optional(), data: z.unknown() }),
  z.object({
    success: z.literal(false),
    requestId: z.string().optional(),
    error: z.object({
      key: z.string().min(1),
      code: z.number().int().optional(),
      message: z.union([z.string(), z.array(z.string())]).optional(),
    }),
  }),
]);

/** Keys for an HTTP failure that came without an AssetPay envelope (a proxy or load balancer answered). */
function keyForStatus(status: number): string {
  if (status === 429) return "RATE_LIMITED";
  if (status === 401) return "UNAUTHORIZED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 503) return "SERVICE_UNAVAILABLE";
  if (status >= 500) return "SERVER_ERROR";
  return "BAD_RESPONSE";
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === "") return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // Date.parse reads "-3" as a year: only a real HTTP date (a weekday name first) counts as one.
  if (!/^[A-Za-z]/.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function describeCause(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}

export function createAssetPayClient(options: AssetPayClientOptions): AssetPayClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? Date.now;
  const maxBudgetWaitMs = options.maxBudgetWaitMs ?? 5_000;

  async function request<T>(path: string, schema: z.ZodType<T>, request: AssetPayRequestOptions = {}): Promise<T> {
    const method = request.method ?? (request.body === undefined ? "GET" : "POST");
    const url = new URL(`${baseUrl}${path}`);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const where = `${method} ${url.origin}${url.pathname}`;
    const headers: Record<string, string> = { accept: "application/json", ...(request.auth ?? { "api-key": options.apiKey }) };
    if (request.body !== undefined) headers["content-type"] = "application/json";

    await options.budget?.acquire(maxBudgetWaitMs);
    let response: Response;
    try {
      response = await doFetch(url.toString(), {
        method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        cache: "no-store",
        redirect: "error",
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw new AssetPayError(
        timedOut
          ? { key: "TIMEOUT", message: `AssetPay did not answer ${where} within ${timeoutMs} ms` }
          : { key: "NETWORK_ERROR", message: `Could not reach AssetPay (${where}): ${describeCause(error)}` },
      );
    }

    const httpStatus = response.status;
    const retryAfterSeconds = parseRetryAfter(response.headers.get("retry-after"), now());
    if (httpStatus === 429) await options.budget?.rateLimited(retryAfterSeconds);
    let body: unknown = null;
    try {
      body = JSON.parse(await response.text());
    } catch {
      body = null;
    }
    const envelope = envelopeSchema.safeParse(body);

    if (!envelope.success) {
      throw new AssetPayError({
        key: response.ok ? "BAD_RESPONSE" : keyForStatus(httpStatus),
        message: `AssetPay answered ${where} with HTTP ${httpStatus} and no AssetPay envelope`,
        httpStatus,
        retryAfterSeconds,
      });
    }
    const requestId = envelope.data.requestId ?? null;
    if (!envelope.data.success) {
      const { key, code, message } = envelope.data.error;
      const text = Array.isArray(message) ? message.join("; ") : message;
      throw new AssetPayError({
        key,
        code,
        message: `AssetPay refused ${where}: ${key}${text ? ` (${text})` : ""}`,
        httpStatus,
        retryAfterSeconds,
        requestId,
      });
    }
    if (!response.ok) {
      throw new AssetPayError({
        key: keyForStatus(httpStatus),
        message: `AssetPay answered ${where} with HTTP ${httpStatus} but a success envelope`,
        httpStatus,
        retryAfterSeconds,
        requestId,
      });
    }
    const data = schema.safeParse(envelope.data.data);
    if (!data.success) {
      const at = data.error.issues[0]?.path.join(".") || "data";
      throw new AssetPayError({
        key: "BAD_RESPONSE",
        message: `AssetPay answered ${where} with an unexpected shape at ${at}`,
        httpStatus,
        requestId,
      });
    }
    return data.data;
  }

  return { request };
}

let shared: AssetPayClient | null = null;

/**
 * The dashboard's client, configured from `env()` (ASSETPAY_API_URL, ASSETPAY_API_KEY), spending the
 * budget its recorder holds (ASSETPAY_BUDGET_PER_MINUTE; see ./budget-store-recorder).
 */
export function assetPay(): AssetPayClient {
  if (!shared) {
    const { apiUrl, apiKey, budgetPerMinute, recorder } = env();
    const budget = new RateBudget(recorderBudgetStore(recorder.dataDir, bucketConfig(budgetPerMinute)));
    shared = createAssetPayClient({ baseUrl: apiUrl, apiKey, budget });
  }
  return shared;
}
