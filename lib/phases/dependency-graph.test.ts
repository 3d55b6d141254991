import { describe, expect, it } from "vitest";
import { dependentsOf, findCycle, type DependencyEdge } from "@/lib/phases/dependency-graph";

// phase-3 waits on phase-1 and phase-2; phase-4 waits on phase-3.
const PLAN: DependencyEdge[] = [
  { phase: "phase-3", dependsOn: "phase-1" },
  { phase: "phase-3", dependsOn: "phase-2" },
  { phase: "phase-4", dependsOn: "phase-3" },
];

describe("dependentsOf", () => {
  it("finds direct and transitive dependents, nearest first, without the start", () => {
    expect(dependentsOf(PLAN, ["phase-1"])).toEqual(["phase-3", "phase-4"]);
    expect(dependentsOf(PLAN, ["phase-3"])).toEqual(["phase-4"]);
    expect(dependentsOf(PLAN, ["phase-4"])).toEqual([]);
  });

  it("stops at phases waiting does not pass through", () => {
    expect(dependentsOf(PLAN, ["phase-1"], (key) => key !== "phase-3")).toEqual([]);
    expect(dependentsOf(PLAN, ["phase-1"], (key) => key !== "phase-4")).toEqual(["phase-3"]);
  });

  it("visits each phase once in a diamond", () => {
    const diamond: DependencyEdge[] = [...PLAN, { phase: "phase-4", dependsOn: "phase-1" }];
    expect(dependentsOf(diamond, ["phase-1"])).toEqual(["phase-3", "phase-4"]);
  });
});

describe("findCycle", () => {
  it("accepts a plan without cycles", () => {
    expect(findCycle(PLAN, "phase-4", ["phase-3", "phase-1"])).toBeNull();
    expect(findCycle(PLAN, "phase-5", ["phase-4"])).toBeNull();
    expect(findCycle(PLAN, "phase-1", [])).toBeNull();
  });

  it("names the path of a direct cycle", () => {
    expect(findCycle(PLAN, "phase-1", ["phase-3"])).toEqual(["phase-1", "phase-3", "phase-1"]);
  });

  it("names the path of an indirect cycle", () => {
    expect(findCycle(PLAN, "phase-1", ["phase-4"])).toEqual(["phase-1", "phase-4", "phase-3", "phase-1"]);
  });

  it("treats a phase depending on itself as a cycle", () => {
    expect(findCycle(PLAN, "phase-2", ["phase-2"])).toEqual(["phase-2", "phase-2"]);
  });

  it("replaces the phase's own prerequisites rather than adding to them", () => {
    // phase-1 waits on phase-2 and phase-2 on phase-1: dropping phase-1's prerequisite breaks the cycle.
    const cyclic: DependencyEdge[] = [
      { phase: "phase-1", dependsOn: "phase-2" },
      { phase: "phase-2", dependsOn: "phase-1" },
    ];
    expect(findCycle(cyclic, "phase-1", [])).toBeNull();
    expect(findCycle(cyclic, "phase-1", ["phase-3"])).toBeNull();
    expect(findCycle(cyclic, "phase-1", ["phase-2"])).toEqual(["phase-1", "phase-2", "phase-1"]);
  });
});
