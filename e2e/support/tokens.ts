// Checks on the client tokens the dashboard hands out: the signature under the simulator's secret
// (the repository's independent HS256, lib/testing/hs256-reference.ts), and whether the simulator's
// socket keeps a connection made with the token.
import { io } from "socket.io-client";

export { verifyHs256 } from "@/lib/testing/hs256-reference";

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
