import { expect, it } from "vitest";
import { claimDueDeliveries } from "@/lib/db/alert-deliveries";
import { applyAlertEvaluations } from "@/lib/db/alert-raising";
import { describeOnEachBackend } from "@/lib/db/testing/each-backend";
import { createAlertWebhook, RETRY_SCHEDULE_MS, retryDelayMs } from "./alert-webhook";

it("retries after 1 s, 5 s, 30 s, 2 min and 10 min, then gives up", () => {
  expect([1, 2, 3, 4, 5, 6].map(retryDelayMs)).toEqual([1_000, 5_000, 30_000, 120_000, 600_000, null]);
  expect(RETRY_SCHEDULE_MS).toHaveLength(5);
});

type Post = { url: string; key: string | null; body: { text: string; url: string; alert: { id: string } } };

function fakeTarget(answer: () => Response | Promise<Response>) {
  const posts: Post[] = [];
  const fetchFake = (async (url: string | URL | Request, init?: RequestInit) => {
    posts.push({ url: String(url), key: new Headers(init?.headers).get("idempotency-key"), body: JSON.parse(String(init?.body)) as Post["body"] });
    return answer();
  }) as typeof fetch;
  return { posts, fetchFake };
}

/** What Node's fetch throws when nothing listens on the target's port. */
const refused = () =>
  new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }) });

describeOnEachBackend("alert webhook", ({ db }) => {
  async function raise(deliver = true): Promise<void> {
    await applyAlertEvaluations(
      db,
      [{ subject: "trade:t-7", tradeId: "t-7", fundingId: null, game: "cs2", kinds: ["stalled"], holding: [{ kind: "stalled", reason: "active 42 min" }] }],
      { deliver },
    );
  }
  const webhook = (fetchFake: typeof fetch) =>
    createAlertWebhook({ db, url: "http://127.0.0.1:9/hook", dashboardUrl: "http://ops.test", log: () => undefined, fetch: fetchFake });

  it("posts a new alert once, with Slack-style text naming the trade and a board link", async () => {
    await raise();
    const target = fakeTarget(() => new Response("ok"));
    const sender = webhook(target.fetchFake);
    await sender.run();
    await sender.run();
    expect(target.posts).toHaveLength(1);
    expect(target.posts[0]?.body.text).toBe("Stalled: CS2 trade t-7 — active 42 min <http://ops.test/board?trade=t-7>");
    expect(target.posts[0]?.body.alert.id).toBe("stalled:trade:t-7:1");
    expect(target.posts[0]?.key).toBe("stalled:trade:t-7:1");
    expect(sender.stats()).toMatchObject({ delivered: 1, failed: 0, unknown: 0 });
  });

  it("two senders on one store deliver an alert once", async () => {
    await raise();
    const target = fakeTarget(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return new Response("ok");
    });
    await Promise.all([webhook(target.fetchFake).run(), webhook(target.fetchFake).run(), webhook(target.fetchFake).run()]);
    expect(target.posts).toHaveLength(1);
  });

  it("counts a failure with its reason and retries later, not at once", async () => {
    await raise();
    const target = fakeTarget(() => new Response("down", { status: 503 }));
    const sender = webhook(target.fetchFake);
    await sender.run();
    await sender.run();
    expect(target.posts).toHaveLength(1);
    expect(sender.stats()).toMatchObject({ delivered: 0, failed: 1, gaveUp: 0, lastError: "HTTP 503" });
    const [row] = await db.query<{ due_in: number | string }>("SELECT extract(epoch FROM delivery_due_at - now()) AS due_in FROM alerts");
    expect(Number(row?.due_in)).toBeGreaterThan(0);
  });

  it("gives up after the last retry and counts it", async () => {
    await raise();
    const target = fakeTarget(() => {
      throw refused();
    });
    const sender = webhook(target.fetchFake);
    for (let attempt = 0; attempt <= RETRY_SCHEDULE_MS.length; attempt += 1) {
      await db.query("UPDATE alerts SET delivery_due_at = now() - interval '1 second'");
      await sender.run();
    }
    await db.query("UPDATE alerts SET delivery_due_at = now() - interval '1 second'");
    await sender.run();
    expect(target.posts).toHaveLength(RETRY_SCHEDULE_MS.length + 1);
    expect(sender.stats()).toMatchObject({ failed: RETRY_SCHEDULE_MS.length + 1, gaveUp: 1, unknown: 0, lastError: "connect ECONNREFUSED 127.0.0.1:9" });
  });

  const dueNow = () => db.query("UPDATE alerts SET delivery_due_at = now() - interval '1 second'");

  it("retries an attempt the target refused with the same Idempotency-Key, until one is delivered", async () => {
    await raise();
    const answers = [new Response("down", { status: 503 }), new Response("ok")];
    const target = fakeTarget(() => answers.shift() ?? new Response("ok"));
    const sender = webhook(target.fetchFake);
    await sender.run();
    await dueNow();
    await sender.run();
    await dueNow();
    await sender.run();
    expect(target.posts.map((post) => post.key)).toEqual(["stalled:trade:t-7:1", "stalled:trade:t-7:1"]);
    expect(sender.stats()).toMatchObject({ delivered: 1, failed: 1, unknown: 0 });
  });

  it("never repeats an attempt whose outcome is unknown (no answer in time), and counts it", async () => {
    await raise();
    const target = fakeTarget(() => {
      throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
    });
    const sender = webhook(target.fetchFake);
    await sender.run();
    await dueNow();
    await sender.run();
    expect(target.posts).toHaveLength(1);
    expect(sender.stats()).toMatchObject({ delivered: 0, failed: 0, unknown: 1, lastError: "no answer within 5 s" });
    const [row] = await db.query<{ unknown: boolean }>("SELECT delivery_unknown_at IS NOT NULL AS unknown FROM alerts");
    expect(row?.unknown).toBe(true);
  });

  it("a recorder that died between starting an attempt and recording its outcome: the restarted one does not post it again", async () => {
    await raise();
    // The dead recorder's last act: the attempt is recorded as started (claimed), then nothing.
    expect(await claimDueDeliveries(db, 10, 30_000)).toHaveLength(1);
    const target = fakeTarget(() => new Response("ok"));
    const restarted = webhook(target.fetchFake);
    await restarted.run();
    expect(target.posts).toHaveLength(0);
    // Its outcome deadline passes: counted as unknown, still never posted.
    await db.query("UPDATE alerts SET delivery_claimed_until = now() - interval '1 second'");
    await restarted.run();
    await dueNow();
    await restarted.run();
    expect(target.posts).toHaveLength(0);
    expect(restarted.stats()).toMatchObject({ delivered: 0, unknown: 1 });
  });

  it("a restarted recorder delivers what was raised but not yet attempted before it stopped", async () => {
    await raise();
    const target = fakeTarget(() => new Response("ok"));
    const restarted = webhook(target.fetchFake);
    await restarted.run();
    await restarted.run();
    expect(target.posts).toHaveLength(1);
  });

  it("posts nothing for alerts raised while no webhook was configured", async () => {
    await raise(false);
    const target = fakeTarget(() => new Response("ok"));
    await webhook(target.fetchFake).run();
    expect(target.posts).toHaveLength(0);
  });
});
