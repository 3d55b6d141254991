import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { replaceParenthesised, trailingPictographStatus, trimWordPunctuation } from "./linear-text";

// Each single-pass function must return exactly what the regular expression it replaced returned;
// the expressions stay here as the oracles, run on short strings where their backtracking is cheap.
const WORD_PUNCTUATION = /^[("'[{<]+|[)"'\]}>,;.]+$/g;
const PARENTHESISED = /\(.*?\)/g;
const TRAILING_STATUS = /\s*(\p{Extended_Pictographic}[\p{Extended_Pictographic}\uFE0F\u200D\s]*[A-Za-z'’ ]+)$/u;

const from = (alphabet: string[], maxLength = 24) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((chars) => chars.join(""));
const RUNS = { numRuns: 5000 };

describe("trimWordPunctuation", () => {
  it("equals the expression on any word", () => {
    fc.assert(
      fc.property(from(["(", '"', "'", "[", "{", "<", ")", "]", "}", ">", ",", ";", ".", "a", "/", ":"]), (word) => {
        expect(trimWordPunctuation(word)).toBe(word.replace(WORD_PUNCTUATION, ""));
      }),
      RUNS,
    );
  });

  it.each([
    ['("quay.io/a/b:1"),', "quay.io/a/b:1"],
    ["))))", ""],
    ["a)))b", "a)))b"],
    ["<x>.", "x"],
  ])("%s → %s", (word, expected) => {
    expect(trimWordPunctuation(word)).toBe(expected);
  });
});

describe("replaceParenthesised", () => {
  it("equals the expression on any text", () => {
    fc.assert(
      fc.property(from(["(", ")", "a", " ", "\n", "\r", "\u2028"]), (text) => {
        expect(replaceParenthesised(text)).toBe(text.replace(PARENTHESISED, " "));
      }),
      RUNS,
    );
  });

  it("keeps an unclosed parenthesis and text after it", () => {
    expect(replaceParenthesised("neuron (device (plugin")).toBe("neuron (device (plugin");
    expect(replaceParenthesised("a (b\nc) d (e)")).toBe("a (b\nc) d  ");
  });
});

describe("trailingPictographStatus", () => {
  const oracle = (text: string) => {
    const match = TRAILING_STATUS.exec(text);
    return match ? { index: match.index, status: match[1] } : null;
  };

  it("equals the expression on any heading", () => {
    fc.assert(
      fc.property(from(["✅", "🚀", "⚠", "\uFE0F", "\u200D", " ", "\t", "a", "Z", "'", "’", "1", ":", "\uD83D"]), (text) => {
        expect(trailingPictographStatus(text)).toEqual(oracle(text));
      }),
      RUNS,
    );
  });

  it.each([
    ["Build fails ✅ DONE", { index: 11, status: "✅ DONE" }],
    ["Fix 🚀 build ⚠️ PARTIALLY COMPLETE", { index: 12, status: "⚠️ PARTIALLY COMPLETE" }],
    ["No status here", null],
    ["Ends in a mark ✅", null],
  ])("%s", (text, expected) => {
    expect(trailingPictographStatus(text)).toEqual(expected);
  });
});
