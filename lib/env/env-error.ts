// The one error every settings check throws: all the missing or malformed variables at once, so an
// operator fixes them in one go instead of one restart each.

/** One printable line per bad variable, `NAME: expected …`. Never a value: it may be a secret. */
export class EnvError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join("\n"));
    this.name = "EnvError";
  }
}
