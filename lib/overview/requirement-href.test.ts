import { describe, expect, it } from "vitest";
import { requirementHref } from "@/lib/overview/requirement-href";

const components = [
  { slug: "bundle", type: "operator_bundle" },
  { slug: "operator", type: "container" },
  { slug: "agent", type: "container" },
];

describe("requirementHref", () => {
  it("opens the matrix row on the first component of the requirement's type", () => {
    expect(requirementHref({ code: "CTR-10", scope: "container" }, components, "demo")).toBe("/components/operator?product=demo#requirement-CTR-10");
  });

  it("opens the overview for the listing's own requirements and types without a component", () => {
    expect(requirementHref({ code: "PRD-01", scope: "product" }, components, "demo")).toBe("/?product=demo#listing-requirements");
    expect(requirementHref({ code: "HC-01", scope: "helm_chart" }, components, "demo")).toBe("/?product=demo#what-remains");
  });
});
