import { describe, expect, it } from "vitest";
import { digestPrefix, escapeLike, matchTier, rankCandidates, searchTerms, type Candidate } from "@/lib/search/rank";

const candidate = (over: Partial<Candidate> & Pick<Candidate, "id">): Candidate => ({
  kind: "item",
  title: over.id,
  subtitle: "",
  href: `/items/${over.id}`,
  identifiers: [over.id],
  text: [],
  similarity: 0,
  ...over,
});

describe("searchTerms", () => {
  it("splits on any whitespace, lower-cases, drops repeats and keeps at most eight words", () => {
    expect(searchTerms("  Driver\tIMAGE driver\nubi ")).toEqual(["driver", "image", "ubi"]);
    expect(searchTerms("a b c d e f g h i j")).toHaveLength(8);
  });
});

describe("escapeLike", () => {
  it("makes LIKE's wildcards and its escape character literal", () => {
    expect(escapeLike("50%_done\\x")).toBe("50\\%\\_done\\\\x");
    expect(escapeLike("plain words")).toBe("plain words");
  });
});

describe("digestPrefix", () => {
  it("reads a digest prefix with or without sha256:, as lower-case hex", () => {
    expect(digestPrefix("sha256:1A2B")).toBe("1a2b");
    expect(digestPrefix(" 1a2b3c ")).toBe("1a2b3c");
  });
  it("refuses short prefixes and anything that is not hex", () => {
    expect(digestPrefix("1a2")).toBeNull();
    expect(digestPrefix("sha256:")).toBeNull();
    expect(digestPrefix("deadbeefx")).toBeNull();
    expect(digestPrefix("v0.1.4")).toBeNull();
  });
});

describe("matchTier", () => {
  it("puts an exact identifier first, then a prefix, then word starts, then substrings", () => {
    expect(matchTier("p0-1", ["P0-1"], ["First"])).toBe(0);
    expect(matchTier("P0-1", ["P0-12"], ["Twelfth"])).toBe(1);
    expect(matchTier("driver ubi", ["T-3"], ["Rebuild the driver image on UBI 9"])).toBe(2);
    expect(matchTier("river", ["T-3"], ["Rebuild the driver image"])).toBe(3);
    expect(matchTier("drivr", ["T-3"], ["Rebuild the driver image"])).toBe(4);
  });
  it("needs every word for the word tiers", () => {
    expect(matchTier("driver helm", ["T-3"], ["Rebuild the driver image"])).toBe(4);
  });
});

describe("rankCandidates", () => {
  it("ranks the exact key above better-similarity substrings, whatever the kinds", () => {
    const results = rankCandidates("ctr-10", [
      candidate({ id: "i1", kind: "item", identifiers: ["P0-1"], text: ["Meets CTR-10 as well"], similarity: 0.9 }),
      candidate({ id: "CTR-10", kind: "requirement", identifiers: ["CTR-10"], similarity: 0.2 }),
      candidate({ id: "CTR-100", kind: "requirement", identifiers: ["CTR-100"], similarity: 0.5 }),
    ]);
    expect(results.map((r) => r.id)).toEqual(["CTR-10", "CTR-100", "i1"]);
  });

  it("keeps at most perKind of each kind, the best ones, and only the public fields", () => {
    const runs = Array.from({ length: 5 }, (_, i) => candidate({ id: `r${i}`, kind: "run", identifiers: ["v1"], similarity: i / 10 }));
    const results = rankCandidates("v1", [...runs, candidate({ id: "c", kind: "component", identifiers: ["v1"] })], 2);
    expect(results.map((r) => r.id)).toEqual(["c", "r4", "r3"]);
    expect(Object.keys(results[0]!).sort()).toEqual(["href", "id", "kind", "subtitle", "title"]);
  });

  it("keeps the database's order among equals (newest runs first)", () => {
    const results = rankCandidates("zz", [candidate({ id: "new", kind: "run" }), candidate({ id: "old", kind: "run" })]);
    expect(results.map((r) => r.id)).toEqual(["new", "old"]);
  });
});
