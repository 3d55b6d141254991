import { describe, expect, it } from "vitest";

import { BACKLOG_PATH, hasBacklogFixture, readFixture } from "../../tests/fixtures";
import { MAC_ROMAN_BYTE_BY_CODE, MAC_ROMAN_HIGH } from "./mac-roman";
import { doubleEncode, repairMojibake } from "./mojibake";

describe("Mac Roman table", () => {
  it("has 128 distinct characters and a byte for each", () => {
    expect(MAC_ROMAN_HIGH).toHaveLength(128);
    expect(new Set(MAC_ROMAN_HIGH).size).toBe(128);
    expect(MAC_ROMAN_BYTE_BY_CODE.get("Ä".charCodeAt(0))).toBe(0x80);
    expect(MAC_ROMAN_BYTE_BY_CODE.get(0xf8ff)).toBe(0xf0);
    expect(MAC_ROMAN_BYTE_BY_CODE.get("ˇ".charCodeAt(0))).toBe(0xff);
  });

  it("matches the platform's macintosh decoder where one exists", () => {
    let decoder: TextDecoder | null = null;
    try {
      decoder = new TextDecoder("macintosh");
    } catch {
      decoder = null; // small-ICU builds lack legacy encodings; the table is the reference then.
    }
    if (decoder === null) return;
    const bytes = Uint8Array.from({ length: 128 }, (_, index) => 0x80 + index);
    expect(Array.from(decoder.decode(bytes))).toEqual(MAC_ROMAN_HIGH);
  });
});

describe("repairMojibake", () => {
  it.each([
    ["‚ùå", "❌"],
    ["‚úÖ", "✅"],
    ["‚ö†Ô∏è", "⚠️"],
    ["\uf8ffüìä", "📊"],
    ["## \uf8ffüî¥ CRITICAL BLOCKERS", "## 🔴 CRITICAL BLOCKERS"],
    ["**Status:** ‚ùå FAILED - x", "**Status:** ❌ FAILED - x"],
  ])("repairs %s", (broken, repaired) => {
    expect(repairMojibake(broken)).toBe(repaired);
  });

  it("leaves proper emoji, ASCII and ordinary accented text alone", () => {
    expect(repairMojibake("**Status:** ❌ NOT STARTED")).toBe("**Status:** ❌ NOT STARTED");
    expect(repairMojibake("# Plain ASCII\n")).toBe("# Plain ASCII\n");
    // "é" is Mac Roman 0x8E, which is not valid UTF-8 on its own.
    expect(repairMojibake("Café – “quoted”")).toBe("Café – “quoted”");
    // A character outside Mac Roman means the text was never double-encoded.
    expect(repairMojibake("‚ùå and ❌")).toBe("‚ùå and ❌");
  });

  it("round-trips with doubleEncode, including a BOM and CRLF", () => {
    const original = "\uFEFF# Title 📊\r\n**Status:** ⚠️ NEEDS REVIEW – “ok”\r\n";
    const broken = doubleEncode(original);
    expect(broken).not.toBe(original);
    expect(broken.startsWith("Ôªø# Title")).toBe(true);
    expect(repairMojibake(broken)).toBe(original);
  });

  it("doubleEncode maps each UTF-8 byte to one Mac Roman character", () => {
    expect(doubleEncode("❌")).toBe("‚ùå");
    expect(doubleEncode("abc")).toBe("abc");
    expect(doubleEncode("📊")).toBe("\uf8ffüìä");
  });
});

// hasBacklogFixture throws with a clear message in CI when the fixture is missing.
describe.skipIf(!hasBacklogFixture)("the customer fixture", () => {
  it("is double-encoded, and repairs to proper emoji that encode back to it byte for byte", () => {
    const fixture = readFixture(BACKLOG_PATH);
    expect(fixture).toContain("‚ùå NOT STARTED");
    const proper = repairMojibake(fixture);
    expect(proper).toContain("**Status:** ❌ NOT STARTED");
    expect(proper).toContain("## 📊 Executive Summary");
    expect(proper).not.toContain("‚ùå");
    expect(doubleEncode(proper)).toBe(fixture);
    expect(repairMojibake(proper)).toBe(proper);
  });
});
