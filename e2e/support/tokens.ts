// Checks on the client tokens the dashboard hands out: the signature under the simulator's secret,
// and whether the simulator's socket keeps a connection made with the token.
import { createHmac, timingSafeEqual } from "node:crypto";
import { io } from "socket.io-client";

export interface DecodedToken {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** HS256 verification with node:crypto; throws when the signature does not match `secret`. */
export function verifyHs256(token: string, secret: string): DecodedToken {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) throw new Error("not a compact JWS");
  const expected = createHmac("sha256", secret).update(`${header}.${payload}`).digest();
  const actual = Buffer.from(signature, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new Error("signature does not match the secret");
  const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
  return { header: decode(header), payload: decode(payload) };
}

/**
 * Connects to the simulator's Socket.IO with `token`. AssetPay (and the simulator) refuse a bad token
 * by disconnecting right after connect, so "still connected after `holdMs`" means accepted.
 */
export function socketAccepts(wsUrl: string, token: string, holdMs = 1_500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = io(wsUrl, { transports: ["websocket"], query: { token }, reconnection: false, timeout: 5_000 });
    let timer: NodeJS.Timeout | undefined;
    const finish = (accepted: boolean) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.close();
      resolve(accepted);
    };
    socket.on("connect", () => {
      timer = setTimeout(() => finish(socket.connected), holdMs);
    });
    socket.on("disconnect", () => finish(false));
    socket.on("connect_error", () => finish(false));
  });
}
