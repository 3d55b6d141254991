import { describe, expect, it } from "vitest";
import { changeForProduct, parseChange } from "./parse-change";
import { sseComment, sseEvent, sseRetry } from "./sse";

const A = "6f1c1f8e-3a52-4d7e-9f35-0d5c5f7d2a11";
const B = "0b7f0e55-9d8c-4a42-8a3e-5b0a3d1c9e22";
const payload = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({ v: 1, productId: A, product: "neuron", table: "BacklogItem", op: "update", key: "P0-2", ...fields });

describe("parseChange", () => {
  it("reads what the trigger sends", () => {
    expect(parseChange(payload())).toEqual({ v: 1, productId: A, product: "neuron", table: "BacklogItem", op: "update", key: "P0-2" });
    expect(parseChange(payload({ key: null, product: null, op: "delete" }))).toMatchObject({ key: null, product: null, op: "delete" });
  });

  it("ignores anything else instead of throwing", () => {
    for (const bad of [undefined, "", "not json", "null", "[]", payload({ v: 2 }), payload({ productId: "x" }), payload({ op: "truncate" }), payload({ table: "" })]) {
      expect(parseChange(bad), String(bad)).toBeNull();
    }
  });
});

describe("changeForProduct", () => {
  it("passes the product's own changes without the product, and drops the others", () => {
    const change = parseChange(payload());
    if (!change) throw new Error("unparsed");
    expect(changeForProduct(change, A)).toEqual({ table: "BacklogItem", op: "update", key: "P0-2" });
    expect(changeForProduct(change, B)).toBeNull();
  });
});

describe("server-sent event framing", () => {
  it("writes one event per block, JSON on one data line", () => {
    expect(sseEvent("change", { key: "a\nb" })).toBe('event: change\ndata: {"key":"a\\nb"}\n\n');
    expect(() => sseEvent("x\ny", {})).toThrow();
    expect(sseComment("ping\nagain")).toBe(": ping again\n\n");
    expect(sseRetry(2999.6)).toBe("retry: 3000\n\n");
  });
});
