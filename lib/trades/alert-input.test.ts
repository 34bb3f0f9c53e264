import { describe, expect, it } from "vitest";
import { assignBodySchema, firstIssue, MAX_NOTE_LENGTH, noteBodySchema, snoozeBodySchema } from "./alert-input";

const note = (text: unknown) => noteBodySchema.safeParse({ text });

describe("note text", () => {
  it("keeps plain text (HTML included, as text), trimmed, with line breaks and tabs", () => {
    expect(note("  <b>called</b>\n\tback  ")).toEqual({ success: true, data: { text: "<b>called</b>\n\tback" } });
  });

  it("refuses empty, too long and control characters with a clear message", () => {
    const empty = note("   ");
    expect(!empty.success && firstIssue(empty.error)).toBe("A note cannot be empty.");
    const long = note("x".repeat(MAX_NOTE_LENGTH + 1));
    expect(!long.success && firstIssue(long.error)).toMatch(/at most 2000/);
    const control = note("bell\u0007");
    expect(!control.success && firstIssue(control.error)).toMatch(/control characters/);
    expect(note("x".repeat(MAX_NOTE_LENGTH)).success).toBe(true);
  });
});

describe("assign and snooze bodies", () => {
  it("take a staff email or null, and 5..1440 minutes", () => {
    expect(assignBodySchema.safeParse({ assignee: "a@ops.test" }).success).toBe(true);
    expect(assignBodySchema.safeParse({ assignee: null }).success).toBe(true);
    expect(assignBodySchema.safeParse({ assignee: "nobody" }).success).toBe(false);
    expect(snoozeBodySchema.safeParse({ minutes: 5 }).success).toBe(true);
    expect(snoozeBodySchema.safeParse({ minutes: 4 }).success).toBe(false);
    expect(snoozeBodySchema.safeParse({ minutes: 1441 }).success).toBe(false);
  });
});
