import { describe, expect, it } from "vitest";

import { splitJsonDocuments } from "./json-scan";
import { catchParseError, utf8 } from "./test-support";

const options = { label: "input", maxDocuments: 8, maxDepth: 4 };
const spans = (text: string) => splitJsonDocuments(utf8(text), options);
const slices = (text: string) => spans(text).map(({ start, end }) => new TextDecoder().decode(utf8(text).subarray(start, end)));

describe("splitJsonDocuments", () => {
  it("returns exact byte ranges, skipping whitespace and byte order marks between documents", () => {
    const text = '\uFEFF {"a":1}\r\n\uFEFF[2]{"b":"}"}\n';
    expect(slices(text)).toEqual(['{"a":1}', "[2]", '{"b":"}"}']);
    expect(spans(text)[0]).toEqual({ start: 4, end: 11 });
    expect(spans(" \n\t\uFEFF")).toEqual([]);
  });

  it("respects strings, escaped quotes and backslashes", () => {
    expect(slices('{"a":"\\\\"}{"b":"\\"}{"}')).toEqual(['{"a":"\\\\"}', '{"b":"\\"}{"}']);
    expect(slices('{"\\u00e9\\/\\b\\f\\n\\r\\t":[true,false,null,-0.5e+3,0,10E-2]}')).toHaveLength(1);
  });

  it("accepts well-formed UTF-8 and refuses overlongs, surrogates and stray continuation bytes", () => {
    expect(slices('{"k":"é€😀"}')).toHaveLength(1);
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
      const bytes = Uint8Array.from([...utf8('{"k":"'), ...bad, ...utf8('"}')]);
      const error = catchParseError(() => splitJsonDocuments(bytes, options));
      expect([error.reason, error.offset]).toEqual(["invalid_encoding", 6]);
    }
  });

  it("caps depth and the number of documents", () => {
    expect(slices("[[[[]]]]")).toHaveLength(1);
    const deep = catchParseError(() => spans("[[[[[]]]]]"));
    expect([deep.reason, deep.offset]).toEqual(["too_deep", 4]);
    const many = catchParseError(() => spans("{}".repeat(9)));
    expect([many.reason, many.offset]).toEqual(["too_many_documents", 16]);
  });

  it("refuses mismatched brackets and a second value inside one document", () => {
    expect(catchParseError(() => spans('{"a":[1}')).offset).toBe(7);
    expect(catchParseError(() => spans('{"a":1 "b":2}')).offset).toBe(7);
    expect(catchParseError(() => spans("{} x")).message).toBe('input is not valid JSON at byte offset 3: expected "{" to start a JSON document, found "x".');
  });
});
