// The checks on what staff send about alerts and trades: note text (plain text, 1-2000 characters
// after trimming, no control characters but newline and tab), assignees, snooze minutes. Pure zod, so
// the route handlers and the recorder's loopback API apply the same rules.
import { z } from "zod";

export const MAX_NOTE_LENGTH = 2_000;
export const MIN_SNOOZE_MINUTES = 5;
export const MAX_SNOOZE_MINUTES = 1_440;

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

export const noteTextSchema = z
  .string({ error: "A note needs a text." })
  .transform((text) => text.trim())
  .refine((text) => text.length > 0, "A note cannot be empty.")
  .refine((text) => text.length <= MAX_NOTE_LENGTH, `A note may be at most ${MAX_NOTE_LENGTH} characters.`)
  .refine((text) => !CONTROL.test(text), "A note may not contain control characters (only line breaks and tabs).");

export const noteBodySchema = z.object({ text: noteTextSchema });

/** A staff email, or null for nobody. */
export const assigneeSchema = z.string().trim().min(3).max(254).regex(/^[^\s@]+@[^\s@]+$/, "Expected a staff email.").nullable();

export const assignBodySchema = z.object({ assignee: assigneeSchema });

export const snoozeBodySchema = z.object({ minutes: z.number().int().min(MIN_SNOOZE_MINUTES).max(MAX_SNOOZE_MINUTES) });

/** The first problem of a failed parse, as one sentence for a 400. */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "Invalid body.";
}
