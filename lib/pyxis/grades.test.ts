import { describe, expect, it } from "vitest";
import { currentGrade } from "./grades";

const image = {
  freshness_grades: [
    { grade: "A", start_date: "2025-01-10T00:00:00+00:00", end_date: "2025-03-01T00:00:00+00:00" },
    { grade: "B", start_date: "2025-03-01T00:00:00+00:00", end_date: "2025-04-15T00:00:00+00:00" },
    { grade: "D", start_date: "2025-04-15T00:00:00+00:00", end_date: null },
  ],
};

describe("currentGrade", () => {
  it("picks the range holding now, start inclusive and end exclusive", () => {
    expect(currentGrade(image, new Date("2025-02-01T00:00:00Z"))).toEqual({
      grade: "A",
      since: "2025-01-10T00:00:00.000Z",
      until: "2025-03-01T00:00:00.000Z",
    });
    expect(currentGrade(image, new Date("2025-03-01T00:00:00Z"))?.grade).toBe("B");
    expect(currentGrade(image, new Date("2025-04-14T23:59:59Z"))?.grade).toBe("B");
  });

  it("treats a missing or null end_date as open-ended", () => {
    expect(currentGrade(image, new Date("2030-01-01T00:00:00Z"))).toEqual({ grade: "D", since: "2025-04-15T00:00:00.000Z", until: null });
    expect(currentGrade({ freshness_grades: [{ grade: "c", start_date: "2025-01-01T00:00:00Z" }] }, new Date("2026-01-01T00:00:00Z"))?.grade).toBe("C");
  });

  it("is null before the first grade, with no grades, or with unreadable dates", () => {
    expect(currentGrade(image, new Date("2024-12-31T00:00:00Z"))).toBeNull();
    expect(currentGrade({ freshness_grades: [] }, new Date())).toBeNull();
    expect(currentGrade({ freshness_grades: [{ grade: "A", start_date: "soon" }] }, new Date())).toBeNull();
  });

  it("prefers the range that started last when ranges overlap", () => {
    const overlapping = {
      freshness_grades: [
        { grade: "A", start_date: "2025-01-01T00:00:00Z", end_date: null },
        { grade: "C", start_date: "2025-02-01T00:00:00Z", end_date: null },
      ],
    };
    expect(currentGrade(overlapping, new Date("2025-06-01T00:00:00Z"))?.grade).toBe("C");
  });
});
