// The hand-off of a verified callback from the app's route to the recorder, which owns the writes (with
// PGlite it alone may open the database): the shape on the recorder's loopback API, checked with zod on
// both sides, and what the recorder answers.
import { z } from "zod";

export const MAX_DELIVERY_ID_CHARS = 200;

export const callbackDeliverySchema = z.strictObject({
  deliveryId: z.string().min(1).max(MAX_DELIVERY_ID_CHARS),
  /** The signature's time `t`, as AssetPay sent it. */
  signedAt: z.string().min(1).max(64),
  receivedAtMs: z.number().int().nonnegative(),
  body: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("trade"), payload: z.strictObject({ trade: z.unknown() }) }),
    z.strictObject({ kind: z.literal("unrecorded"), name: z.enum(["deposit", "withdrawal"]) }),
  ]),
});

export type CallbackDelivery = z.infer<typeof callbackDeliverySchema>;

export const callbackOutcomeSchema = z.strictObject({
  /** recorded: written (newer-only, like a socket event); duplicate: this delivery id was seen before; unrecorded: accepted, not a kind the recorder keeps; malformed: refused by lib/wire, nothing kept. */
  outcome: z.enum(["recorded", "duplicate", "unrecorded", "malformed"]),
  reason: z.string().max(300).optional(),
});

export type CallbackOutcome = z.infer<typeof callbackOutcomeSchema>;
