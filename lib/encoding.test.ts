import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import { assertStorableText, decodeUtf8, findUnstorableText, isStorableText } from "./encoding";

describe("text PostgreSQL can store", () => {
  it("refuses U+0000 and unpaired surrogates, and accepts everything else, astral characters included", () => {
    expect(isStorableText("plain <script>'; DROP TABLE x; --</script> ❌ 😀 \u202E")).toBe(true);
    expect(isStorableText("\ud83d\ude00")).toBe(true);
    for (const bad of ["a\u0000b", "\ud800", "x\udfff", "\ude00\ud83d", "\ud83d"]) expect(isStorableText(bad), JSON.stringify(bad)).toBe(false);
  });

  it("names where the first unstorable string is, in values and in keys", () => {
    expect(findUnstorableText({ version: 1, title: "ok", actions: [{ text: "ok" }, { text: "a\ud800" }] })).toBe("actions.1.text");
    expect(findUnstorableText({ "bad\u0000key": 1 })).toBe("bad\u0000key (a key)");
    expect(findUnstorableText("\u0000")).toBe("(the value)");
    expect(findUnstorableText({ a: [1, null, true, { b: "fine" }] })).toBeNull();
  });

  it("walks a value nested far deeper than the call stack allows", () => {
    const deep = JSON.parse(`${"[".repeat(200_000)}"\\u0000"${"]".repeat(200_000)}`) as unknown;
    expect(findUnstorableText(deep)).toMatch(/^…(\.0)+$/);
  });

  it("refuses with 400 invalid_encoding, naming the place", () => {
    const error = (() => {
      try {
        assertStorableText({ owner: "eve\u0000" }, "The request body");
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid_encoding", status: 400 });
    expect((error as AppError).message).toMatch(/^The request body: owner holds a NUL character/);
  });

  it("decodes strict UTF-8 only", () => {
    expect(decodeUtf8(new TextEncoder().encode("❌ ok"))).toBe("❌ ok");
    for (const bytes of [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80]]) expect(() => decodeUtf8(Uint8Array.from(bytes))).toThrow(AppError);
  });
});
