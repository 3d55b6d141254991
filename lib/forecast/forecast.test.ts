import { describe, expect, it } from "vitest";
import { buildForecast } from "./forecast";
import type { ForecastInput } from "./schema";
import type { RemainingWork } from "./schema";

const NOW = new Date("2026-12-05T15:30:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const work = (items: number, over: Partial<RemainingWork> = {}): RemainingWork => ({ items, blockers: 0, minHours: 0, maxHours: 0, unestimated: 0, ...over });

function input(over: Partial<ForecastInput> = {}): ForecastInput {
  return {
    product: "acme",
    phase: null,
    now: NOW,
    targetDate: null,
    hoursPerWeek: null,
    own: work(3),
    prerequisites: [],
    waitingImages: [],
    weeklyClosed: [],
    finishedOn: null,
    ...over,
  };
}

describe("a forecast from the team's throughput", () => {
  it("a steady 2 items a week finishes 6 items in exactly 3 weeks: on track for a later target", () => {
    const forecast = buildForecast(input({ own: work(6, { blockers: 2, unestimated: 1 }), weeklyClosed: [2, 2, 2, 2], targetDate: day("2026-12-31") }));
    expect(forecast).toMatchObject({
      status: "on_track",
      basis: "throughput",
      asOf: "2026-12-05",
      targetDate: "2026-12-31",
      projected: { p50: "2026-12-26", p85: "2026-12-26" },
      remaining: { items: 6, blockers: 2, unestimated: 1 },
      throughput: { weeks: 4, itemsPerWeek: [2, 2, 2, 2] },
    });
    expect(forecast.sentence).toBe("On track: 6 open items (2 critical blockers), 1 unestimated; the team closes 2 items a week; 85% likely by 26 Dec, target 31 Dec.");
    expect(forecast.sentenceFigures).toEqual(["open-items", "open-critical-blockers", "unestimated", "pace", "p85", "target-date"]);
    expect(forecast.reasons[0]).toBe(
      "Projected from the team's own pace: 2, 2, 2, 2 items closed in the last 4 full weeks (2 a week on average), each simulated week drawing one of those weeks at random, 10,000 times.",
    );
  });

  // Weeks of 4, 0 and 0 closures: 3 items are done in the first week that draws the 4, so the
  // number of weeks is geometric with p = 1/3: P(≤1) = .33, P(≤2) = .56 (median 2 weeks),
  // P(≤4) = .80, P(≤5) = .87 (85th percentile 5 weeks): 19 Dec and 9 Jan.
  it.each([
    ["2027-01-09", "on_track"],
    ["2027-01-08", "at_risk"],
    ["2026-12-19", "at_risk"],
    ["2026-12-18", "off_track"],
  ] as const)("weeks of 4, 0, 0 and 3 items left, target %s: %s", (target, status) => {
    const forecast = buildForecast(input({ weeklyClosed: [4, 0, 0], targetDate: day(target) }));
    expect(forecast.projected).toEqual({ p50: "2026-12-19", p85: "2027-01-09" });
    expect(forecast.status).toBe(status);
  });

  it("says it in a sentence a product manager can repeat", () => {
    const atRisk = buildForecast(input({ own: work(3, { blockers: 1 }), weeklyClosed: [4, 0, 0], targetDate: day("2027-01-01") }));
    expect(atRisk.sentence).toBe("At risk: 3 open items (1 critical blocker); the team closes 1.3 items a week; 85% likely by 9 Jan 2027, target 1 Jan 2027.");
    const noTarget = buildForecast(input({ weeklyClosed: [4, 0, 0] }));
    expect(noTarget.status).toBe("no_target");
    expect(noTarget.sentence).toBe("No target date: 3 open items; the team closes 1.3 items a week; 85% likely by 9 Jan 2027 (50% by 19 Dec).");
    expect(noTarget.sentenceFigures).toEqual(["open-items", "pace", "p85", "p50"]);
    expect(noTarget.reasons).toContain("No target date is set: set one to see whether the product will make it.");
  });
});

describe("a forecast from the remaining effort", () => {
  it("with too little history, spends 82–123 h at 20 h a week (median 5.1 weeks, 85% 5.8 weeks)", () => {
    const forecast = buildForecast(input({ own: work(4, { minHours: 82, maxHours: 123, unestimated: 1 }), weeklyClosed: [5, 5], hoursPerWeek: 20, targetDate: day("2027-01-12") }));
    // 102.5 h / 20 = 5.125 weeks = 35.9 days → 36 days; (82 + 0.85 × 41) h / 20 = 5.8425 weeks = 40.9 days → 41 days.
    expect(forecast).toMatchObject({ basis: "effort", status: "at_risk", projected: { p50: "2027-01-10", p85: "2027-01-15" }, hoursPerWeek: 20 });
    expect(forecast.sentence).toBe("At risk: 4 open items, 1 unestimated; at 20 h a week for 82–123 h of estimated work; 85% likely by 15 Jan 2027, target 12 Jan 2027.");
    expect(forecast.sentenceFigures).toEqual(["open-items", "unestimated", "hours-per-week", "remaining-effort", "p85", "target-date"]);
    expect(forecast.reasons[0]).toMatch(/^Not projected from the team's pace \(2 full weeks of history, 3 needed for a pace\): projected from the remaining estimate, 82–123 h, at the product's 20 h a week/);
    expect(forecast.reasons[1]).toBe("1 open item without an estimate is left out, so these dates are optimistic.");
  });

  it("when nothing was closed for weeks, says so and uses the effort", () => {
    const forecast = buildForecast(input({ own: work(2, { minHours: 10, maxHours: 10 }), weeklyClosed: [0, 0, 0], hoursPerWeek: 10 }));
    expect(forecast).toMatchObject({ basis: "effort", projected: { p50: "2026-12-12", p85: "2026-12-12" } });
    expect(forecast.reasons[0]).toMatch(/^Not projected from the team's pace \(no item closed in the last 3 full weeks\)/);
  });
});

describe("no projection", () => {
  it("without history or hours per week: null dates and a reason saying what to set", () => {
    const forecast = buildForecast(input({ own: work(5, { minHours: 8, maxHours: 16 }), weeklyClosed: [1] }));
    expect(forecast).toMatchObject({ basis: "none", status: "no_target", projected: { p50: null, p85: null } });
    expect(forecast.sentence).toBe("No target date: 5 open items; no projection yet: set hours per week.");
    expect(forecast.sentenceFigures).toEqual(["open-items"]);
    expect(forecast.reasons[0]).toBe(
      "No projection: 1 full week of history, 3 needed for a pace, and no hours per week is set. Set the product's hours per week to project from the remaining estimate, or keep closing items until there are enough weeks of history.",
    );
  });

  it("with hours per week but no estimate at all: asks for estimates", () => {
    const forecast = buildForecast(input({ own: work(2, { unestimated: 2 }), hoursPerWeek: 30, targetDate: day("2027-03-01") }));
    expect(forecast).toMatchObject({ basis: "none", status: "at_risk", projected: { p50: null, p85: null } });
    expect(forecast.reasons[0]).toMatch(/none of the 2 open items has an effort estimate\. Estimate them/);
  });

  it("a target already passed with work open is off track, projection or not", () => {
    const forecast = buildForecast(input({ targetDate: day("2026-12-04") }));
    expect(forecast.status).toBe("off_track");
    expect(forecast.sentence).toBe("Off track: 3 open items; no projection yet: set hours per week; target 4 Dec.");
    expect(forecast.reasons).toContain("The target date, 4 Dec, has passed.");
  });
});

describe("finished work", () => {
  it("nothing open: done on the day the last item closed, judged against the target", () => {
    const finishedOn = new Date("2026-12-01T10:00:00Z");
    const late = buildForecast(input({ own: work(0), finishedOn, targetDate: day("2026-11-30") }));
    expect(late).toMatchObject({ basis: "done", status: "off_track", projected: { p50: "2026-12-01", p85: "2026-12-01" } });
    expect(late.sentence).toBe("Off track: nothing open; finished 1 Dec; target 30 Nov.");
    expect(buildForecast(input({ own: work(0), finishedOn, targetDate: day("2026-12-01") })).status).toBe("on_track");
  });

  it("nothing open and no record of when it closed: on track, with no date claimed", () => {
    const forecast = buildForecast(input({ own: work(0), finishedOn: null, targetDate: day("2026-11-30") }));
    expect(forecast).toMatchObject({ basis: "done", status: "on_track", projected: { p50: null, p85: null } });
    expect(forecast.reasons.join(" ")).toContain("not recorded");
    expect(buildForecast(input({ own: work(0), finishedOn: null, targetDate: null })).status).toBe("no_target");
  });

  it("a phase marked complete is done when it was completed", () => {
    const forecast = buildForecast(
      input({ phase: { key: "phase-1", order: 1, name: "Fixes", completedAt: new Date("2026-11-20T08:00:00Z") }, own: work(1), weeklyClosed: [1, 1, 1] }),
    );
    expect(forecast).toMatchObject({ basis: "done", projected: { p50: "2026-11-20", p85: "2026-11-20" }, phase: { key: "phase-1", order: 1, name: "Fixes" } });
    expect(forecast.reasons[0]).toBe("The phase was marked complete on 20 Nov.");
  });
});

describe("phases that wait on others", () => {
  const phase = { key: "phase-3", order: 3, name: "Bundle", completedAt: null };
  const prerequisite = { key: "phase-1", order: 1, name: "Fixes", ...work(4) };

  it("count the open work of the phases they wait on: 2 + 4 items at 2 a week take 3 weeks, not 1", () => {
    const alone = buildForecast(input({ phase, own: work(2), weeklyClosed: [2, 2, 2] }));
    expect(alone.projected).toEqual({ p50: "2026-12-12", p85: "2026-12-12" });
    const waiting = buildForecast(input({ phase, own: work(2), prerequisites: [prerequisite], weeklyClosed: [2, 2, 2], waitingImages: ["operator", "driver"] }));
    expect(waiting.projected).toEqual({ p50: "2026-12-26", p85: "2026-12-26" });
    expect(waiting.remaining.items).toBe(2);
    expect(waiting.sentence).toBe("No target date: 2 open items, plus 4 in the phases it waits on; the team closes 2 items a week; 85% likely by 26 Dec.");
    expect(waiting.reasons).toContain("This phase waits on Phase 1 (Fixes): their 4 open items count too, since it cannot finish before them.");
    expect(waiting.reasons).toContain("It also waits on 2 components to be certified and published (operator and driver); Red Hat's review time is not part of this forecast.");
  });

  it("name every phase they wait on, and say when the phase has no open items of its own", () => {
    const second = { key: "phase-2", order: 2, name: "Images", ...work(1) };
    const forecast = buildForecast(input({ phase, own: work(0), prerequisites: [prerequisite, second], weeklyClosed: [5, 5, 5] }));
    expect(forecast.sentence).toBe("No target date: no open items of its own, plus 5 in the phases it waits on; the team closes 5 items a week; 85% likely by 12 Dec.");
    expect(forecast.reasons).toContain("This phase waits on Phase 1 (Fixes) and Phase 2 (Images): their 5 open items count too, since it cannot finish before them.");
  });

  it("never come out before a phase they wait on, even with an uneven pace", () => {
    const weeklyClosed = [0, 3, 5, 1, 4, 2, 6, 0, 3];
    for (let first = 1; first <= 30; first += 1) {
      const before = buildForecast(input({ phase: { ...phase, key: "phase-1" }, own: work(first), weeklyClosed }));
      const after = buildForecast(input({ phase, own: work(2), prerequisites: [{ ...prerequisite, items: first }], weeklyClosed }));
      expect(after.projected.p50! >= before.projected.p50!).toBe(true);
      expect(after.projected.p85! >= before.projected.p85!).toBe(true);
    }
  });
});
