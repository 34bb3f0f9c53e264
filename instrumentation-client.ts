// Runs in the browser before the app's own modules. zod compiles its object parsers with
// `new Function` unless told not to; our CSP forbids eval, and although zod catches the refusal, the
// browser still reports a CSP violation for it. Must run before any schema is constructed.
import { config } from "zod/v4/core";

config({ jitless: true });
