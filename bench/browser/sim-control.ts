// The simulator as the browser benchmark drives it, through its control API: the socket event rate,
// set through the rate of new trades once calibrated.

export type Control = <T = unknown>(method: "GET" | "POST", path: string, body?: unknown) => Promise<T>;

export function sleep(msToWait: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, msToWait));
}

async function emitted(control: Control): Promise<number> {
  const state = await control<{ counts: { emitted: number } }>("GET", "/__sim/state?limit=0");
  return state.counts.emitted;
}

/** Socket events per new trade at this simulator speed (new trades plus their lifecycle steps). */
export async function calibrate(control: Control): Promise<number> {
  await control("POST", "/__sim/rate", { rate: 400 });
  await sleep(2_000);
  const before = await emitted(control);
  const started = Date.now();
  await sleep(5_000);
  const after = await emitted(control);
  const seconds = (Date.now() - started) / 1000;
  await control("POST", "/__sim/rate", { rate: 0 });
  await sleep(2_000);
  return (after - before) / (400 * seconds);
}

export function setEventRate(control: Control, eventsPerSecond: number, eventsPerTrade: number): Promise<unknown> {
  return control("POST", "/__sim/rate", { rate: Math.min(10_000, eventsPerSecond / eventsPerTrade) });
}
