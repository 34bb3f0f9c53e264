// What the engine refuses, by key; sim/control.ts turns each into the control API's error.

export class EngineError extends Error {
  constructor(
    readonly key: "EXTERNAL_ID_EXISTS" | "TRADE_NOT_FOUND" | "NOTHING_TO_INJECT",
    message: string,
  ) {
    super(message);
  }
}
