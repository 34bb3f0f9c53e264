// The AssetPay response envelope (docs/assetpay-api.md#errors): { requestId, success: true, data } or
// { requestId, success: false, error: { code, key, message, fields? } }, with GG codes and statuses.

import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";

export const ERRORS = {
  VALIDATION_FAILED: { code: 1001, status: 422 },
  NOT_FOUND: { code: 1003, status: 404 },
  CONFLICT: { code: 1004, status: 409 },
  RATE_LIMITED: { code: 1005, status: 429 },
  SERVER_ERROR: { code: 1006, status: 500 },
  MISSING_API_KEY: { code: 1900, status: 401 },
  INVALID_API_KEY: { code: 1901, status: 401 },
  // Trading codes are 1-99 in GG numbering; the exact number for these is not documented.
  TRADE_NOT_FOUND: { code: 9, status: 404 },
  EXTERNAL_ID_EXISTS: { code: 1, status: 409 },
} as const;
export type ErrorKey = keyof typeof ERRORS;

export type Fields = Record<string, string>;

export class ApiError extends Error {
  constructor(
    readonly key: ErrorKey,
    message: string,
    readonly fields?: Fields,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendData(res: ServerResponse, data: unknown, status = 200): void {
  send(res, status, { requestId: randomUUID(), success: true, data });
}

export function sendError(res: ServerResponse, error: ApiError): void {
  const { code, status } = ERRORS[error.key];
  send(
    res,
    status,
    {
      requestId: randomUUID(),
      success: false,
      error: { code, key: error.key, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
    },
    error.headers,
  );
}
