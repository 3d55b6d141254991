// The forecast through the real route handlers on PostgreSQL: a product of the test's own whose
// plan (target date, hours per week, phase dependency) and history (items closed) are made through
// the API. A pace needs whole weeks of history; the route reads the real clock, so the test reads
// the same stored history through getForecast as of three weeks later, with nothing else changed.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/backlog/import/route";
import { GET as forecastRoute } from "@/app/api/v1/forecast/route";
import { PATCH as patchItemRoute } from "@/app/api/v1/items/[key]/route";
import { PATCH as patchPhaseRoute } from "@/app/api/v1/phases/[key]/route";
import { GET as productRoute, PATCH as patchProductRoute } from "@/app/api/v1/products/[slug]/route";
import { getDb } from "@/lib/db";
import { getForecast } from "@/lib/forecast/data";
import { formatDay } from "@/lib/forecast/explain";
import type { Forecast } from "@/lib/forecast/schema";
import { createSignedInUser, disconnectDb, request, type TestUser } from "@/tests/auth";

const NO_PARAMS = { params: Promise.resolve({}) };
const DAY_MS = 86_400_000;

// Seven items, two phases. Estimates in hours (8 h days): P0-1 8, P0-2 16–24, P0-3 none,
// P1-1 4, P1-2 8, P1-3 8–16, P1-4 2: 46–62 h in all, phase 1 24–32 h, phase 2 22–30 h.
const DOCUMENT = [
  "# Forecast test backlog",
  "",
  "## 🔴 CRITICAL BLOCKERS",
  "",
  ...item("P0-1", "Rebuild the operator image", "1 day"),
  ...item("P0-2", "Fix the driver's labels", "2-3 days"),
  ...item("P0-3", "Privileged review", null),
  "## 🟡 NEEDS VERIFICATION",
  "",
  ...item("P1-1", "Check the licenses", "4 hours"),
  ...item("P1-2", "Check the user", "1 day"),
  ...item("P1-3", "Check the base image", "1-2 days"),
  ...item("P1-4", "Check the labels", "2 hours"),
  "## IMPLEMENTATION PLAN",
  "",
  "### Phase 1: Image fixes",
  "",
  "**Blockers:** P0-1, P0-2, P0-3",
  "",
  "### Phase 2: Verification",
  "",
  "**Blockers:** P1-1, P1-2, P1-3, P1-4",
  "",
].join("\n");

function item(key: string, title: string, effort: string | null): string[] {
  return [`### ${key}: ${title}`, "", ...(effort ? [`**Effort:** ${effort}  `] : []), "**Status:** ❌ NOT STARTED", "", "Details.", ""];
}

let engineer: TestUser;
let viewer: TestUser;
let admin: TestUser;
let product = "";

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const startOfDay = (date: Date) => new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
const daysAfter = (date: Date, days: number) => new Date(startOfDay(date).getTime() + days * DAY_MS);

async function forecast(query: string, as: TestUser = viewer): Promise<{ status: number; body: Forecast & { error?: { code: string; message: string } } }> {
  const response = await forecastRoute(request(`/api/v1/forecast?product=${product}${query}`, { as: { cookie: as.cookie } }), NO_PARAMS);
  return { status: response.status, body: (await response.json()) as Forecast & { error?: { code: string; message: string } } };
}

async function patchProduct(body: unknown, as: TestUser = engineer, slug = product) {
  const response = await patchProductRoute(request(`/api/v1/products/${slug}`, { method: "PATCH", body, as: { cookie: as.cookie } }), { params: Promise.resolve({ slug }) });
  return { status: response.status, body: (await response.json()) as { product?: Record<string, unknown>; error?: { code: string; message: string } } };
}

async function patchPhase(key: string, body: unknown) {
  const response = await patchPhaseRoute(request(`/api/v1/phases/${key}?product=${product}`, { method: "PATCH", body, as: { cookie: engineer.cookie } }), { params: Promise.resolve({ key }) });
  return { status: response.status, body: (await response.json()) as { phase?: { version: number; targetDate: string | null }; error?: { code: string; message: string } } };
}

async function setStatus(key: string, version: number, status: string) {
  const response = await patchItemRoute(request(`/api/v1/items/${key}?product=${product}`, { method: "PATCH", body: { version, status }, as: { cookie: engineer.cookie } }), {
    params: Promise.resolve({ key }),
  });
  expect(response.status, `${key} → ${status}`).toBe(200);
}

beforeAll(async () => {
  [engineer, viewer, admin] = await Promise.all([createSignedInUser("engineer"), createSignedInUser("viewer"), createSignedInUser("admin")]);
  product = `forecast-${randomUUID().slice(0, 8)}`;
  const imported = await importRoute(
    request(`/api/v1/backlog/import?product=${product}`, { method: "POST", body: DOCUMENT, contentType: "text/markdown", as: { cookie: engineer.cookie } }),
    NO_PARAMS,
  );
  expect(imported.status).toBe(201);
  // Phase 2 (verification) waits on phase 1 (the image fixes).
  expect((await patchPhase("phase-2", { version: 1, dependsOn: ["phase-1"] })).status).toBe(200);
});

afterAll(disconnectDb);

describe("the forecast of a product whose history is built through the API", () => {
  it("walks from no projection, to the effort at the product's capacity, to the team's own pace, to done", async () => {
    // 1. Nothing to stand on yet: no history, no hours per week. It says so, and what to set.
    const first = await forecast("");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      product,
      phase: null,
      status: "no_target",
      basis: "none",
      targetDate: null,
      hoursPerWeek: null,
      projected: { p50: null, p85: null },
      remaining: { items: 7, blockers: 3, minHours: 46, maxHours: 62, unestimated: 1 },
      throughput: { weeks: 0, itemsPerWeek: [] },
    });
    expect(first.body.reasons[0]).toMatch(/^No projection: 0 full weeks of history, 3 needed for a pace, and no hours per week is set\. Set the product's hours per week/);

    // 2. Engineers set the plan; viewers may not, and restricting stays an admin's decision.
    const now = new Date();
    const target = daysAfter(now, 20);
    expect((await patchProduct({ targetDate: isoDay(target) }, viewer)).status).toBe(403);
    const restrict = await patchProduct({ restricted: true, targetDate: isoDay(target) });
    expect(restrict.status).toBe(403);
    expect(await getDb().product.findUniqueOrThrow({ where: { slug: product }, select: { restricted: true, targetDate: true } })).toEqual({ restricted: false, targetDate: null });
    const saved = await patchProduct({ targetDate: isoDay(target), hoursPerWeek: 20 });
    expect(saved.status).toBe(200);
    expect(saved.body.product).toMatchObject({ slug: product, targetDate: isoDay(target), hoursPerWeek: 20 });
    expect(saved.body.product).not.toHaveProperty("members");

    // 3. From the effort: 46–62 h at 20 h a week. Median 54 h = 2.7 weeks = 18.9 days → 19 days;
    // 85%: 46 + 0.85 × 16 = 59.6 h = 2.98 weeks = 20.9 days → 21 days. Target in 20 days: at risk.
    const effort = await forecast("");
    const p50 = daysAfter(now, 19);
    const p85 = daysAfter(now, 21);
    expect(effort.body).toMatchObject({ status: "at_risk", basis: "effort", targetDate: isoDay(target), hoursPerWeek: 20, projected: { p50: isoDay(p50), p85: isoDay(p85) } });
    expect(effort.body.sentence).toBe(
      `At risk: 7 open items (3 critical blockers), 1 unestimated; at 20 h a week for 46–62 h of estimated work; 85% likely by ${formatDay(p85, now)}, target ${formatDay(target, now)}.`,
    );
    expect(effort.body.reasons).toContain("1 open item without an estimate is left out, so these dates are optimistic.");

    // Per phase: phase 1 alone is 24–32 h (10 and 11 days); phase 2 waits on it, so both count: 46–62 h again.
    const phase1 = await forecast("&phase=phase-1");
    expect(phase1.body).toMatchObject({ phase: { key: "phase-1", order: 1, name: "Image fixes" }, status: "no_target", projected: { p50: isoDay(daysAfter(now, 10)), p85: isoDay(daysAfter(now, 11)) } });
    const phase2 = await forecast("&phase=phase-2");
    expect(phase2.body).toMatchObject({
      remaining: { items: 4, minHours: 22, maxHours: 30, unestimated: 0 },
      prerequisites: [{ key: "phase-1", order: 1, name: "Image fixes", items: 3, minHours: 24, maxHours: 32, unestimated: 1 }],
      projected: { p50: isoDay(p50), p85: isoDay(p85) },
    });
    expect(phase2.body.reasons).toContain("This phase waits on Phase 1 (Image fixes): their 3 open items count too, since it cannot finish before them.");

    // A phase's own target date, version-checked like every phase change.
    expect((await patchPhase("phase-2", { version: 2, targetDate: "2027-02-30" })).body.error?.message).toBe("targetDate: must be a calendar date written YYYY-MM-DD, e.g. 2027-01-31");
    expect((await patchPhase("phase-2", { version: 1, targetDate: isoDay(daysAfter(now, 30)) })).status).toBe(409);
    const phaseSaved = await patchPhase("phase-2", { version: 2, targetDate: isoDay(daysAfter(now, 30)) });
    expect(phaseSaved.body.phase).toMatchObject({ version: 3, targetDate: isoDay(daysAfter(now, 30)) });
    expect((await forecast("&phase=phase-2")).body).toMatchObject({ status: "on_track", targetDate: isoDay(daysAfter(now, 30)) });

    // 4. The team closes four items (a move from done to won't do closes nothing new).
    await setStatus("P0-1", 1, "done");
    await setStatus("P0-2", 1, "done");
    await setStatus("P1-1", 1, "wont_do");
    await setStatus("P1-2", 1, "in_progress");
    await setStatus("P1-2", 2, "done");
    await setStatus("P0-1", 2, "wont_do");
    // Left: P0-3 (no estimate), P1-3 8–16 h, P1-4 2 h: median 14 h = 4.9 days → 5; 85% 16.8 h = 5.9 days → 6.
    expect((await forecast("")).body).toMatchObject({
      basis: "effort",
      status: "on_track",
      remaining: { items: 3, blockers: 1, minHours: 10, maxHours: 18, unestimated: 1 },
      projected: { p50: isoDay(daysAfter(now, 5)), p85: isoDay(daysAfter(now, 6)) },
      throughput: { weeks: 0 },
    });

    // 5. Three weeks later, with nothing else done, the same history holds three whole weeks: 4, 0
    // and 0 items closed. Each simulated week draws one of them, so the 3 open items are done in the
    // first week that draws the 4: P(≤ 2 weeks) = 1 − (2/3)² = .56, P(≤ 4) = .80, P(≤ 5) = .87.
    // Median 2 weeks, 85% 5 weeks after that day; the target has long passed.
    const later = new Date(now.getTime() + 21 * DAY_MS + 60_000);
    const paced = await getForecast({ product, now: later });
    expect(paced).toMatchObject({
      basis: "throughput",
      status: "off_track",
      throughput: { weeks: 3, itemsPerWeek: [4, 0, 0] },
      projected: { p50: isoDay(daysAfter(later, 14)), p85: isoDay(daysAfter(later, 35)) },
    });
    expect(paced.sentence).toBe(
      `Off track: 3 open items (1 critical blocker), 1 unestimated; the team closes 1.3 items a week; 85% likely by ${formatDay(daysAfter(later, 35), later)}, target ${formatDay(target, later)}.`,
    );
    const pacedPhase2 = await getForecast({ product, phase: "phase-2", now: later });
    expect(pacedPhase2.prerequisites).toEqual([{ key: "phase-1", order: 1, name: "Image fixes", items: 1, blockers: 1, minHours: 0, maxHours: 0, unestimated: 1 }]);
    expect(pacedPhase2.projected.p85! >= (await getForecast({ product, phase: "phase-1", now: later })).projected.p85!).toBe(true);

    // 6. Phase 1 marked complete: it is done that day and holds phase 2 up no more.
    expect((await patchPhase("phase-1", { version: 1, completed: true })).status).toBe(200);
    expect((await forecast("&phase=phase-1")).body).toMatchObject({ basis: "done", projected: { p50: isoDay(now), p85: isoDay(now) } });
    expect((await forecast("&phase=phase-2")).body.prerequisites).toEqual([]);

    // 7. Everything closed: finished today, before the target.
    await setStatus("P0-3", 1, "done");
    await setStatus("P1-3", 1, "done");
    await setStatus("P1-4", 1, "done");
    const done = await forecast("");
    expect(done.body).toMatchObject({ basis: "done", status: "on_track", projected: { p50: isoDay(now), p85: isoDay(now) }, remaining: { items: 0 } });
    expect(done.body.sentence).toBe(`On track: nothing open; finished ${formatDay(now, now)}; target ${formatDay(target, now)}.`);
  });
});

describe("the plan's doors", () => {
  it("refuse bad dates and capacities with a clear 400, and clear both with null", async () => {
    const cases: [unknown, string][] = [
      [{ targetDate: "31/01/2027" }, "targetDate: must be a calendar date written YYYY-MM-DD, e.g. 2027-01-31"],
      [{ targetDate: "2027-02-30" }, "targetDate: must be a calendar date written YYYY-MM-DD, e.g. 2027-01-31"],
      [{ hoursPerWeek: 0 }, "hoursPerWeek: must be more than 0 hours a week"],
      [{ hoursPerWeek: "20" }, "hoursPerWeek: must be a number of hours a week"],
      [{}, "Nothing to change: send targetDate, hoursPerWeek, timezone, evidenceMaxAgeDays or restricted."],
      [{ timezone: "Mars/Olympus" }, "timezone: must be an IANA timezone such as Europe/Berlin or UTC"],
      [{ evidenceMaxAgeDays: 0 }, "evidenceMaxAgeDays: must be at least 1 day"],
      [{ evidenceMaxAgeDays: 1.5 }, "evidenceMaxAgeDays: must be a whole number of days"],
      [{ targetDate: null, owner: "x" }, 'Unrecognized key: "owner"'],
    ];
    for (const [body, message] of cases) {
      const refused = await patchProduct(body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error).toMatchObject({ code: "invalid", message });
    }
    expect((await patchProduct({ targetDate: "2027-01-31", hoursPerWeek: 12.5, timezone: "Europe/Berlin", evidenceMaxAgeDays: 30 })).status).toBe(200);
    const asAdmin = await productRoute(request(`/api/v1/products/${product}`, { as: { cookie: admin.cookie } }), { params: Promise.resolve({ slug: product }) });
    expect(await asAdmin.json()).toMatchObject({ product: { slug: product, targetDate: "2027-01-31", hoursPerWeek: 12.5, timezone: "Europe/Berlin", evidenceMaxAgeDays: 30, restricted: false, members: [] } });
    expect((await patchProduct({ targetDate: null, hoursPerWeek: null })).body.product).toMatchObject({ targetDate: null, hoursPerWeek: null });
    expect((await forecast("")).body).toMatchObject({ targetDate: null, hoursPerWeek: null, status: "no_target" });
  });

  it("answer 404 for an unknown phase, and for a restricted product to anyone outside it", async () => {
    expect((await forecast("&phase=phase-9")).status).toBe(404);
    const hidden = `forecast-hidden-${randomUUID().slice(0, 8)}`;
    const created = await importRoute(
      request(`/api/v1/backlog/import?product=${hidden}`, { method: "POST", body: DOCUMENT, contentType: "text/markdown", as: { cookie: admin.cookie } }),
      NO_PARAMS,
    );
    expect(created.status).toBe(201);
    const restricted = await patchProduct({ restricted: true }, admin, hidden);
    expect(restricted.body.product).toMatchObject({ restricted: true, members: [] });
    const stranger = await forecastRoute(request(`/api/v1/forecast?product=${hidden}`, { as: { cookie: engineer.cookie } }), NO_PARAMS);
    expect(stranger.status).toBe(404);
    expect((await patchProduct({ targetDate: "2027-01-31" }, engineer, hidden)).status).toBe(404);
    const own = await forecastRoute(request(`/api/v1/forecast?product=${hidden}`, { as: { cookie: admin.cookie } }), NO_PARAMS);
    expect(own.status).toBe(200);
  });
});
