import type { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { servedOverHttps } from "./request-stamp";

const plain = {} as Socket;
const tls = { encrypted: true } as unknown as Socket;

describe("servedOverHttps", () => {
  it.each([
    [{}, plain, false, false],
    [{ "x-forwarded-proto": "https" }, plain, false, false],
    [{ "x-forwarded-proto": "https" }, plain, true, true],
    [{ "x-forwarded-proto": "HTTPS, http" }, plain, true, true],
    [{ "x-forwarded-proto": "http" }, plain, true, false],
    [{}, tls, false, true],
  ])("%j over %j, trust proxy %j → %j", (headers, socket, trustProxy, expected) => {
    expect(servedOverHttps({ headers }, socket, trustProxy)).toBe(expected);
  });
});
