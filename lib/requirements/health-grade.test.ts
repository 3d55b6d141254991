import { describe, expect, it } from "vitest";
import { worstGrade } from "./health-grade";

describe("worstGrade", () => {
  it("returns the worst of A–F, ignoring other values", () => {
    expect(worstGrade(["A", "C", "B"])).toBe("C");
    expect(worstGrade(["f", "A"])).toBe("F");
    expect(worstGrade(["A", "Z", "?"])).toBe("A");
    expect(worstGrade(["unknown"])).toBeNull();
    expect(worstGrade([])).toBeNull();
  });
});
