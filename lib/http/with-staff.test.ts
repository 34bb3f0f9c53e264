import { redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { RecorderUnavailableError } from "@/lib/db/recorded-source";
import { jsonError } from "./json";

const gate = vi.hoisted(() => ({ staff: null as { email: string } | null, enrolmentDue: false }));

// The session guard itself is exercised through a real route in app/api/assetpay/balance/route.test.ts.
vi.mock("@/lib/auth", () => ({
  requireStaffApi: async () =>
    gate.staff ? { ok: true, staff: gate.staff } : { ok: false, response: jsonError(401, "unauthenticated", "Sign in to the dashboard first.") },
}));

vi.mock("@/lib/auth/two-factor/requirement", () => ({ twoFactorEnrolmentDue: async () => gate.enrolmentDue }));

const { withStaff } = await import("./with-staff");

const URL_ = "http://127.0.0.1:3000/api/example";
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

beforeEach(() => {
  gate.staff = null;
  gate.enrolmentDue = false;
  vi.restoreAllMocks();
});

describe("withStaff", () => {
  it("answers 401 without a session and never runs the handler", async () => {
    const handler = vi.fn(async () => new Response("ran"));
    const response = await withStaff(handler)(new Request(URL_), undefined);
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe("unauthenticated");
    expect(handler).not.toHaveBeenCalled();
  });

  it("hands the handler the request, the staff member and the route context", async () => {
    gate.staff = { email: "ops@example.test" };
    const handler = withStaff<{ params: Promise<{ id: string }> }>(async (request, staff, context) =>
      Response.json({ url: request.url, email: staff.email, id: (await context.params).id }),
    );
    const response = await handler(new Request(URL_), { params: Promise.resolve({ id: "t-1" }) });
    expect(await response.json()).toEqual({ url: URL_, email: "ops@example.test", id: "t-1" });
  });

  it("with sameOriginOnly, refuses a cross-site caller with 403 before looking at the session", async () => {
    const handler = vi.fn(async () => new Response("ran"));
    const guarded = withStaff(handler, { sameOriginOnly: "Example requests must come from the dashboard's own pages." });
    const crossSite = new Request(URL_, { method: "POST", headers: { origin: "http://evil.test", host: "127.0.0.1:3000" } });
    const refused = await guarded(crossSite, undefined);
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toEqual({ code: "cross_origin", message: "Example requests must come from the dashboard's own pages." });
    gate.staff = { email: "ops@example.test" };
    expect((await guarded(crossSite, undefined)).status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
    const sameSite = new Request(URL_, { method: "POST", headers: { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" } });
    expect(await (await guarded(sameSite, undefined)).text()).toBe("ran");
  });

  it("answers 403 two_factor_required while two-factor sign-in must still be set up, except on the enrolment routes", async () => {
    gate.staff = { email: "ops@example.test" };
    gate.enrolmentDue = true;
    const handler = vi.fn(async () => new Response("ran"));
    const refused = await withStaff(handler)(new Request(URL_), undefined);
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe("two_factor_required");
    expect(handler).not.toHaveBeenCalled();
    const enrolment = await withStaff(handler, { duringTwoFactorEnrolment: true })(new Request(URL_), undefined);
    expect(await enrolment.text()).toBe("ran");
  });

  it("maps an unavailable recorder to 503 recorder_unavailable with its reason", async () => {
    gate.staff = { email: "ops@example.test" };
    const response = await withStaff(async () => {
      throw new RecorderUnavailableError("the recorder (pid 42) did not answer");
    })(new Request(URL_), undefined);
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toMatch(/^no-store\b/);
    expect(await errorOf(response)).toEqual({ code: "recorder_unavailable", message: "the recorder (pid 42) did not answer" });
  });

  it("maps any other failure to 500 internal_error that names no internals, and logs it", async () => {
    gate.staff = { email: "ops@example.test" };
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await withStaff(async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:5432 password=hunter2");
    })(new Request(URL_), undefined);
    expect(response.status).toBe(500);
    const error = await errorOf(response);
    expect(error.code).toBe("internal_error");
    expect(error.message).not.toMatch(/ECONNREFUSED|hunter2|5432/);
    expect(log).toHaveBeenCalledWith("[api] GET /api/example failed:", expect.any(Error));
  });

  it("lets Next's own control flow (a redirect) through untouched", async () => {
    gate.staff = { email: "ops@example.test" };
    const wrapped = withStaff(async () => redirect("/sign-in"));
    await expect(wrapped(new Request(URL_), undefined)).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
  });
});
