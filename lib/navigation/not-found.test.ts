import { describe, expect, it } from "vitest";
import { describeMissing } from "./not-found";

describe("describeMissing", () => {
  it("names the record a detail address points at, with its list page", () => {
    expect(describeMissing("/items/NOPE-999")).toEqual({
      what: "item NOPE-999",
      product: null,
      path: "/items/NOPE-999",
      links: [{ href: "/items", label: "All items" }, { href: "/", label: "Overview" }],
    });
    expect(describeMissing("/phases/phase-9").what).toBe("phase phase-9");
    expect(describeMissing("/runs/not-a-uuid").what).toBe("preflight run not-a-uuid");
    expect(describeMissing("/components/nope").links[0]).toEqual({ href: "/", label: "Overview (every component)" });
  });

  it("decodes keys and keeps the product in every link", () => {
    const missing = describeMissing("/items/A%20B?product=neuron&x=1");
    expect(missing.what).toBe("item A B");
    expect(missing.product).toBe("neuron");
    expect(missing.links.map((l) => l.href)).toEqual(["/items?product=neuron", "/?product=neuron"]);
  });

  it("describes any other address by its path, even a malformed one", () => {
    expect(describeMissing("/nowhere/at/all")).toMatchObject({ what: null, path: "/nowhere/at/all" });
    expect(describeMissing("/items/a/b").what).toBeNull();
    expect(describeMissing("/items/%E0%A4%A").what).toBe("item %E0%A4%A");
  });
});
