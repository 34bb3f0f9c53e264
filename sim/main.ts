// CLI entry (`npm run sim` / `npx tsx sim/main.ts`): reads SIM_* from the environment, starts the
// simulator and prints what a developer needs to point a client at it. Ctrl-C stops it cleanly.

import { loadSimConfig } from "./config";
import { startSimulator } from "./server";

async function main(): Promise<void> {
  const config = loadSimConfig(process.env);
  if (!config.ok) {
    console.error(config.message);
    process.exit(1);
  }
  const { options } = config;
  const sim = await startSimulator(options);
  const ttl = options.tokenTtlSeconds ?? 86_400;
  const lines = [
    `AssetPay simulator listening on ${sim.url}`,
    `  socket.io:    ${sim.url.replace(/^http/, "ws")}/socket.io/ (websocket only; query apiKey=... or token=...)`,
    `  merchant id:  ${sim.merchantId}`,
    `  api key:      ${sim.apiKey}${options.apiKey ? "" : "   (generated; set SIM_API_KEY to fix it)"}`,
    `  api secret:   ${sim.apiSecret}${options.apiSecret ? "" : "   (generated; set SIM_API_SECRET to fix it)"}`,
    `  seed:         ${sim.seed}   speed: ${sim.engine.speed}x   rate: ${sim.engine.rate} trades/s   trades: ${sim.engine.tradeCount()}`,
    `  sample client token (${ttl}s): ${await sim.mintToken()}`,
    options.control === false
      ? "  control API:  off (SIM_CONTROL=off)"
      : `  control API:  curl -H 'api-key: ${sim.apiKey}' ${sim.url}/__sim/state   (routes in sim/README.md)`,
  ];
  console.log(lines.join("\n"));

  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
