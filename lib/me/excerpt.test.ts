import { describe, expect, it } from "vitest";
import { commentExcerpt } from "@/lib/me/excerpt";

describe("commentExcerpt", () => {
  it("reads the markdown and keeps its words", () => {
    expect(commentExcerpt("@Alice can you **check** the [label](https://example.test/x)?\n\n- one\n- two")).toBe("@Alice can you check the label? one two");
  });

  it("cuts long text at a word boundary with an ellipsis", () => {
    const text = commentExcerpt("word ".repeat(100), 23);
    expect(text).toBe("word word word word…");
    expect(text.length).toBeLessThanOrEqual(24);
  });

  it("leaves short text as it is", () => {
    expect(commentExcerpt("  Done, thanks.  ")).toBe("Done, thanks.");
  });
});
