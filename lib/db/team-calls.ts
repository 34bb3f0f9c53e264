// The team operations, and each staff member's two-factor sign-in state (./two-factor-store), as data:
// one call (op and arguments) that the app either runs on PostgreSQL itself or sends to the recorder
// that owns PGlite (recorder/internal-api.ts, POST /team), where the same function runs it. One list of
// operations, so both paths can never drift apart.
import "server-only";
import { z } from "zod";
import { MAX_NOTE_LENGTH, MAX_SNOOZE_MINUTES, MIN_SNOOZE_MINUTES } from "@/lib/trades/alert-input";
import { AUDIT_LIMITS, type AuditOrigin } from "@/lib/audit/audit-actions";
import { auditEntrySchema, auditEventSchema, auditPageSchema, auditQuerySchema } from "@/lib/audit/audit-schema";
import { alertListSchema, alertSchema, tradeNoteSchema, tradeTeamSchema } from "@/lib/trades/alert-schema";
import { MAX_ID_LENGTH } from "@/lib/wire/field-schemas";
import { MAX_VIEW_NAME, MAX_VIEW_QUERY, savedViewListSchema, savedViewSchema } from "@/lib/trades/saved-view";
import { tradeExportRangeSchema } from "@/lib/trades/trades-csv-range";
import {
  acknowledgeAlert,
  acknowledgeAllAlerts,
  addTradeNote,
  alertChangesSince,
  assignAlert,
  assignTrade,
  listAlerts,
  readTradeTeam,
  snoozeAlert,
  type TeamDb,
} from "./alert-team";
import { appendAuditEvent, readAuditLog } from "./audit-log";
import { createSavedView, deleteSavedView, listSavedViews, renameSavedView, setDefaultView } from "./saved-views";
import { singleSignOnStaff } from "./staff-roles";
import { SESSION_END_REASONS, staffSessionStoreOver } from "./staff-sessions";
import { countTradeExport, exportCursorSchema, MAX_EXPORT_PAGE_ROWS, readTradeExportPage, tradeExportPageSchema } from "./trade-export";
import {
  beginTwoFactor,
  claimTimeStep,
  consumeRecoveryCode,
  disableTwoFactor,
  enableTwoFactor,
  readTwoFactor,
  replaceRecoveryCodes,
} from "./two-factor-store";
import { readTrendsAnswer } from "./trend-reads";
import { TREND_RANGES, trendsAnswerSchema } from "@/lib/trades/trends";

const alertId = z.string().min(1).max(400);
const tradeId = z.string().min(1).max(MAX_ID_LENGTH);
const actor = z.string().min(1).max(320);
const assignee = z.string().min(1).max(320).nullable();
/** Where the staff member acted from (the route's view), written to the audit log with the action. */
const origin = { address: z.string().max(AUDIT_LIMITS.address).nullable(), userAgent: z.string().max(AUDIT_LIMITS.userAgent).nullable() };
const sessionId = z.string().min(16).max(64);
const idleSeconds = z.number().int().min(60).max(30 * 86_400);
const sessionView = z.object({
  email: z.string(),
  role: z.string().nullable(),
  provider: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  address: z.string().nullable(),
  userAgent: z.string().nullable(),
});
const staffEmail = z.string().min(1).max(320);
/** An AES-GCM ciphertext of a TOTP key (lib/auth/two-factor/secret-box.ts): a few hundred characters. */
const sealedSecret = z.string().min(1).max(1_000);
/** A TOTP time step (seconds since 1970 / 30): far from 2^53. */
const timeStep = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const codeHash = z.string().regex(/^[0-9a-f]{64}$/);
const codeHashes = z.array(codeHash).min(1).max(20);
const viewId = z.string().min(1).max(64);
const viewName = z.string().min(1).max(MAX_VIEW_NAME);

/** Stall limits in milliseconds (lib/trades/stall-rules.ts), up to a year each. */
const stallLimitMs = z.number().int().min(0).max(366 * 86_400_000);
const stallLimits = z.object({
  depositInitiatedMs: stallLimitMs,
  depositPendingMs: stallLimitMs,
  withdrawInitiatedMs: stallLimitMs,
  withdrawPendingMs: stallLimitMs,
  activeMs: stallLimitMs,
  holdOverrunMs: stallLimitMs,
  unknownMs: stallLimitMs,
});

export const teamCallSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("list"), state: z.enum(["open", "all"]), limit: z.number().int().min(1).max(1_000) }),
  z.object({ op: z.literal("changes"), cursor: z.number().int().min(0) }),
  z.object({ op: z.literal("acknowledge"), id: alertId, actor, ...origin }),
  z.object({ op: z.literal("acknowledge-all"), actor, ...origin }),
  z.object({ op: z.literal("assign-alert"), id: alertId, assignee, actor, ...origin }),
  z.object({ op: z.literal("snooze"), id: alertId, minutes: z.number().int().min(MIN_SNOOZE_MINUTES).max(MAX_SNOOZE_MINUTES), actor, ...origin }),
  z.object({ op: z.literal("trade-team"), tradeId }),
  z.object({ op: z.literal("note"), tradeId, text: z.string().min(1).max(MAX_NOTE_LENGTH), actor, ...origin }),
  z.object({ op: z.literal("assign-trade"), tradeId, assignee, actor, ...origin }),
  z.object({ op: z.literal("audit-append"), event: auditEventSchema }),
  z.object({ op: z.literal("audit-read"), query: auditQuerySchema }),
  // Staff sessions (./staff-sessions.ts).
  z.object({
    op: z.literal("session-open"),
    session: z.object({
      id: sessionId,
      email: actor,
      role: z.string().max(32).nullable(),
      provider: z.string().min(1).max(64),
      expiresAt: z.iso.datetime(),
      address: z.string().max(200).nullable(),
      userAgent: z.string().max(500).nullable(),
    }),
  }),
  z.object({ op: z.literal("session-check"), id: sessionId, idleSeconds }),
  z.object({ op: z.literal("session-end"), id: sessionId, reason: z.enum(SESSION_END_REASONS) }),
  z.object({ op: z.literal("sessions-end-all"), email: actor, reason: z.enum(SESSION_END_REASONS) }),
  z.object({ op: z.literal("sessions-list"), idleSeconds }),
  z.object({ op: z.literal("single-sign-on-staff") }),
  z.object({ op: z.literal("two-factor-read"), email: staffEmail }),
  z.object({ op: z.literal("two-factor-begin"), email: staffEmail, pendingSecret: sealedSecret }),
  z.object({ op: z.literal("two-factor-enable"), email: staffEmail, pendingSecret: sealedSecret, step: timeStep, recoveryCodeHashes: codeHashes }),
  z.object({ op: z.literal("two-factor-claim-step"), email: staffEmail, secret: sealedSecret, step: timeStep }),
  z.object({ op: z.literal("two-factor-consume-recovery-code"), email: staffEmail, codeHash }),
  z.object({ op: z.literal("two-factor-replace-recovery-codes"), email: staffEmail, recoveryCodeHashes: codeHashes }),
  z.object({ op: z.literal("two-factor-disable"), email: staffEmail }),
  // Saved board views (./saved-views.ts); names and queries checked by the route (lib/trades/saved-view.ts).
  z.object({ op: z.literal("views-list"), email: staffEmail }),
  z.object({ op: z.literal("view-create"), owner: staffEmail, name: viewName, shared: z.boolean(), query: z.string().max(MAX_VIEW_QUERY), ...origin }),
  z.object({ op: z.literal("view-rename"), id: viewId, email: staffEmail, name: viewName }),
  z.object({ op: z.literal("view-delete"), id: viewId, email: staffEmail, mayDeleteShared: z.boolean(), ...origin }),
  z.object({ op: z.literal("view-default"), email: staffEmail, viewId: viewId.nullable() }),

  // History export (./trade-export.ts): the count first, then keyset pages.
  z.object({ op: z.literal("trade-export-count"), range: tradeExportRangeSchema }),
  z.object({
    op: z.literal("trade-export-page"),
    range: tradeExportRangeSchema,
    after: exportCursorSchema.nullable(),
    limit: z.number().int().min(1).max(MAX_EXPORT_PAGE_ROWS),
  }),

  // Trends from the recorded history (./trend-reads.ts).
  z.object({ op: z.literal("trends"), range: z.enum(TREND_RANGES), nowMs: z.number().int().min(0), limits: stallLimits }),
]);

export type TeamCall = z.infer<typeof teamCallSchema>;

/** What each call answers, as a schema the caller across the loopback checks the answer with. */
export const teamAnswerSchemas = {
  list: alertListSchema,
  changes: alertListSchema,
  acknowledge: z.object({ alert: alertSchema, changed: z.boolean() }).nullable(),
  "acknowledge-all": z.object({ acknowledged: z.number().int().min(0) }),
  "assign-alert": alertSchema.nullable(),
  snooze: alertSchema.nullable(),
  "trade-team": tradeTeamSchema,
  note: tradeNoteSchema,
  "assign-trade": z.object({ assignee: z.string().nullable() }),
  "audit-append": auditEntrySchema,
  "audit-read": auditPageSchema,
  "session-open": z.object({ previousRole: z.string().nullable() }),
  "single-sign-on-staff": z.array(z.object({ email: z.string(), role: z.string(), provider: z.string() })),
  "session-check": z.discriminatedUnion("state", [
    z.object({ state: z.literal("open") }),
    z.object({ state: z.literal("ended"), email: z.string().nullable(), reason: z.string().nullable(), endedNow: z.boolean() }),
  ]),
  "session-end": z.object({ email: z.string() }).nullable(),
  "sessions-end-all": z.object({ ended: z.number().int().min(0) }),
  "sessions-list": z.array(sessionView),
  "two-factor-read": z.object({
    secret: z.string().nullable(),
    pendingSecret: z.string().nullable(),
    enabledAt: z.string().nullable(),
    lastUsedStep: z.number().nullable(),
    recoveryCodesLeft: z.number().int().min(0),
  }),
  "two-factor-begin": z.boolean(),
  "two-factor-enable": z.boolean(),
  "two-factor-claim-step": z.boolean(),
  "two-factor-consume-recovery-code": z.boolean(),
  "two-factor-replace-recovery-codes": z.boolean(),
  "two-factor-disable": z.boolean(),
  "views-list": savedViewListSchema,
  "view-create": z.discriminatedUnion("outcome", [
    z.object({ outcome: z.literal("created"), view: savedViewSchema }),
    z.object({ outcome: z.enum(["duplicate", "too-many"]) }),
  ]),
  "view-rename": z.discriminatedUnion("outcome", [
    z.object({ outcome: z.literal("renamed"), view: savedViewSchema }),
    z.object({ outcome: z.enum(["not-found", "not-owner", "duplicate"]) }),
  ]),
  "view-delete": z.object({ outcome: z.enum(["deleted", "not-found", "not-allowed"]) }),
  "view-default": z.object({ defaultViewId: z.string().nullable() }).nullable(),
  "trade-export-count": z.object({ rows: z.number().int().min(0) }),
  "trade-export-page": tradeExportPageSchema,
  trends: trendsAnswerSchema,
} as const satisfies Record<TeamCall["op"], z.ZodType>;

export type TeamAnswer<Op extends TeamCall["op"]> = z.infer<(typeof teamAnswerSchemas)[Op]>;

const originOf = (call: AuditOrigin): AuditOrigin => ({ address: call.address, userAgent: call.userAgent });

export async function runTeamCall(db: TeamDb, call: TeamCall): Promise<unknown> {
  switch (call.op) {
    case "list":
      return listAlerts(db, { state: call.state, limit: call.limit });
    case "changes":
      return alertChangesSince(db, call.cursor);
    case "acknowledge":
      return acknowledgeAlert(db, call.id, call.actor, originOf(call));
    case "acknowledge-all":
      return { acknowledged: await acknowledgeAllAlerts(db, call.actor, originOf(call)) };
    case "assign-alert":
      return assignAlert(db, call.id, call.assignee, call.actor, originOf(call));
    case "snooze":
      return snoozeAlert(db, call.id, call.minutes, call.actor, originOf(call));
    case "trade-team":
      return readTradeTeam(db, call.tradeId);
    case "note":
      return addTradeNote(db, call.tradeId, call.text, call.actor, originOf(call));
    case "assign-trade":
      return assignTrade(db, call.tradeId, call.assignee, call.actor, originOf(call));
    case "audit-append":
      return appendAuditEvent(db, call.event);
    case "audit-read":
      return readAuditLog(db, call.query);
    case "session-open":
      return staffSessionStoreOver(db).open(call.session);
    case "single-sign-on-staff":
      return singleSignOnStaff(db);
    case "session-check":
      return staffSessionStoreOver(db).check(call.id, call.idleSeconds);
    case "session-end":
      return staffSessionStoreOver(db).end(call.id, call.reason);
    case "sessions-end-all":
      return { ended: await staffSessionStoreOver(db).endAllOf(call.email, call.reason) };
    case "sessions-list":
      return staffSessionStoreOver(db).listOpen(call.idleSeconds);
    case "two-factor-read":
      return readTwoFactor(db, call.email);
    case "two-factor-begin":
      return beginTwoFactor(db, call.email, call.pendingSecret);
    case "two-factor-enable":
      return enableTwoFactor(db, call);
    case "two-factor-claim-step":
      return claimTimeStep(db, call.email, call.secret, call.step);
    case "two-factor-consume-recovery-code":
      return consumeRecoveryCode(db, call.email, call.codeHash);
    case "two-factor-replace-recovery-codes":
      return replaceRecoveryCodes(db, call.email, call.recoveryCodeHashes);
    case "two-factor-disable":
      return disableTwoFactor(db, call.email);
    case "views-list":
      return listSavedViews(db, call.email);
    case "view-create":
      return createSavedView(db, { owner: call.owner, name: call.name, shared: call.shared, query: call.query }, originOf(call));
    case "view-rename":
      return renameSavedView(db, { id: call.id, email: call.email, name: call.name });
    case "view-delete":
      return deleteSavedView(db, { id: call.id, email: call.email, mayDeleteShared: call.mayDeleteShared }, originOf(call));
    case "view-default":
      return setDefaultView(db, call.email, call.viewId);
    case "trade-export-count":
      return { rows: await countTradeExport(db, call.range) };
    case "trade-export-page":
      return readTradeExportPage(db, call.range, call.after, call.limit);
    case "trends":
      return readTrendsAnswer(db, call.range, call.nowMs, call.limits);
  }
}
