import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertReadableComment } from "./readable";

function refusal(body: string): AppError {
  try {
    assertReadableComment(body);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("accepted");
}

describe("assertReadableComment", () => {
  it("accepts ordinary comments, long ones included", () => {
    expect(() => assertReadableComment("Looks **good**, @alice: see [the run](https://example.com/run/1).\n\n> quoted\n\n- a\n  - b")).not.toThrow();
    expect(() => assertReadableComment("word ".repeat(4000))).not.toThrow();
  });

  it.each([
    ["thousands of emphasis marks in a paragraph", "*a".repeat(1500), /more than 1000 emphasis/],
    ["quotes nested deeper than 32", `${">".repeat(40)} deep`, /nests .* 40 levels deep/],
  ])("refuses %s with 422 not_markdown, speaking of the comment", (_name, body, reason) => {
    const error = refusal(body);
    expect(error.code).toBe("not_markdown");
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/^This comment cannot be shown as markdown\./);
    expect(error.message).toMatch(reason);
    expect(error.message).not.toMatch(/backlog/);
  });
});
