import { describe, expect, it } from "vitest";
import { isSearchChord, isTypingTarget, readKey, SHORTCUTS, withProduct } from "@/lib/keyboard/shortcuts";

describe("readKey", () => {
  it("waits after g and completes the go-to shortcuts with the second key", () => {
    expect(readKey(null, "g")).toEqual({ action: null, pending: "g" });
    expect(readKey("g", "i")).toEqual({ action: { kind: "go", path: "/items", keepProduct: true }, pending: null });
    expect(readKey("g", "o").action).toMatchObject({ path: "/" });
    expect(readKey("g", "p").action).toMatchObject({ path: "/phases" });
    expect(readKey("g", "r").action).toMatchObject({ path: "/runs" });
    expect(readKey("g", "m").action).toMatchObject({ path: "/me" });
  });

  it("acts at once on single keys, and drops an unknown sequence without acting", () => {
    expect(readKey(null, "c").action).toEqual({ kind: "new-item" });
    expect(readKey(null, "/").action).toEqual({ kind: "search" });
    expect(readKey(null, "?").action).toEqual({ kind: "help" });
    expect(readKey("g", "x")).toEqual({ action: null, pending: null });
    // c after g is the destination (components), never "new item".
    expect(readKey("g", "c").action).toMatchObject({ kind: "go", path: "/components" });
    expect(readKey(null, "i")).toEqual({ action: null, pending: null });
  });

  it("has no two shortcuts on the same keys", () => {
    const keys = SHORTCUTS.map((s) => s.keys.join(" "));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("isSearchChord", () => {
  const press = (over: Partial<{ key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }>) => ({ key: "k", ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...over });
  it("is Ctrl-K or ⌘-K only", () => {
    expect(isSearchChord(press({ ctrlKey: true }))).toBe(true);
    expect(isSearchChord(press({ metaKey: true, key: "K" }))).toBe(true);
    expect(isSearchChord(press({}))).toBe(false);
    expect(isSearchChord(press({ ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isSearchChord(press({ ctrlKey: true, key: "j" }))).toBe(false);
  });
});

describe("isTypingTarget", () => {
  it("is true in text inputs, text areas, selects and editable content", () => {
    expect(isTypingTarget({ tagName: "INPUT", type: "text" })).toBe(true);
    expect(isTypingTarget({ tagName: "input", type: "search" })).toBe(true);
    expect(isTypingTarget({ tagName: "INPUT" })).toBe(true);
    expect(isTypingTarget({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTypingTarget({ tagName: "SELECT" })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", isContentEditable: true })).toBe(true);
  });
  it("is false on buttons, checkboxes, links and the page itself", () => {
    expect(isTypingTarget({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTypingTarget({ tagName: "BUTTON" })).toBe(false);
    expect(isTypingTarget({ tagName: "A" })).toBe(false);
    expect(isTypingTarget({ tagName: "BODY", isContentEditable: false })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe("withProduct", () => {
  it("keeps the product in the query, when there is one", () => {
    expect(withProduct("/items", "acme one")).toBe("/items?product=acme%20one");
    expect(withProduct("/items", "")).toBe("/items");
  });
});
