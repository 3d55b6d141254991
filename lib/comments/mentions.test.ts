import { describe, expect, it } from "vitest";
import { mentionHandles, mentionHref, nameKey, resolveHandle, resolveMentions, type MentionUser } from "./mentions";

const alice: MentionUser = { id: "a", name: "Alice Example", email: "alice@example.com" };
const bob: MentionUser = { id: "b", name: "Bob O'Brien", email: "bob.builder@corp.test" };
const otherAlice: MentionUser = { id: "a2", name: "Alice Other", email: "alice@elsewhere.test" };
const zoe: MentionUser = { id: "z", name: "Zoë Müller", email: "zm@example.com" };
const users = [alice, bob, zoe];

describe("mentionHandles", () => {
  it.each([
    ["hi @alice, look", ["alice"]],
    ["sentence ends with @alice.", ["alice"]],
    ["@alice@example.com please", ["alice@example.com"]],
    ["(@bob.builder) and @AliceExample!", ["bob.builder", "AliceExample"]],
    ["**@alice** _@bob_", ["alice", "bob"]],
    ["- item for @alice\n- item for @bob", ["alice", "bob"]],
    ["> quoted @alice", ["alice"]],
    ["| who |\n|---|\n| @alice |", ["alice"]],
  ])("finds the handles in %j", (markdown, handles) => {
    expect(mentionHandles(markdown)).toEqual(handles);
  });

  it.each([
    ["an email address is not a mention", "write to alice@example.com"],
    ["a word before the @", "a@alice"],
    ["a code span", "run `@alice`"],
    ["a fenced code block", "```\n@alice\n```"],
    ["an indented code block", "    @alice"],
    ["a link's text", "[@alice](https://example.com)"],
    ["a lone @", "meet @ noon"],
  ])("ignores %s", (_name, markdown) => {
    expect(mentionHandles(markdown)).toEqual([]);
  });
});

describe("resolveHandle", () => {
  it("matches the whole email, the local part or the name without spaces, case-insensitively", () => {
    expect(resolveHandle("ALICE@example.com", users)).toBe(alice);
    expect(resolveHandle("alice", users)).toBe(alice);
    expect(resolveHandle("Bob.Builder", users)).toBe(bob);
    expect(resolveHandle("aliceexample", users)).toBe(alice);
    expect(resolveHandle("BobOBrien", users)).toBe(bob);
    expect(resolveHandle("ZoëMüller", users)).toBe(zoe);
  });

  it("leaves unknown and ambiguous handles unresolved", () => {
    expect(resolveHandle("carol", users)).toBeNull();
    expect(resolveHandle("example.com", users)).toBeNull();
    // Two people share the local part "alice": neither is guessed; the whole email still works.
    expect(resolveHandle("alice", [alice, otherAlice])).toBeNull();
    expect(resolveHandle("alice@elsewhere.test", [alice, otherAlice])).toBe(otherAlice);
  });

  it("prefers an email's local part to someone else's name", () => {
    const named = { id: "n", name: "Bob", email: "robert@example.com" };
    const local = { id: "l", name: "Someone", email: "bob@example.com" };
    expect(resolveHandle("bob", [named, local])).toBe(local);
  });

  it("drops characters a handle cannot hold from a name", () => {
    expect(nameKey("Mary-Jane O'Neil")).toBe("mary-janeoneil");
    expect(nameKey("Smith Jr.")).toBe("smithjr");
  });
});

describe("resolveMentions", () => {
  it("gives each person once, in order of first mention, and skips unknown handles", () => {
    const handles = mentionHandles("@bob.builder asked @carol and @alice; @Alice@Example.com agrees, cc @AliceExample");
    expect(resolveMentions(handles, users).map((u) => u.id)).toEqual(["b", "a"]);
  });
});

describe("mentionHref", () => {
  it("links to the person's items on the product", () => {
    expect(mentionHref("alice@example.com", "neuron")).toBe("/items?assignee=alice%40example.com&product=neuron");
  });
});
