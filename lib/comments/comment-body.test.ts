// The comment renderer on hostile text: what reaches the page is inert markup, and mentions the
// server resolved become links to the person's work, nothing else does.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CommentBody } from "@/components/item-comment-body";
import type { MentionUser } from "./mentions";

const alice: MentionUser = { id: "a", name: "Alice Example", email: "alice@example.com" };
const render = (body: string, mentions: MentionUser[] = [alice]) => renderToStaticMarkup(createElement(CommentBody, { body, mentions, product: "demo" }));

describe("CommentBody", () => {
  it.each([
    ["a script element", "<script>window.__xss = 1</script>hello", /<script/i],
    ["an event handler", '<img src="x" onerror="window.__xss = 1">', /onerror|<img/i],
    ["an iframe", '<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ["a raw HTML javascript: link", '<a href="javascript:alert(1)">x</a>', /javascript:/i],
    ["a markdown javascript: link", "[click](javascript:alert(1))", /javascript:/i],
    ["a data: URL image", "![x](data:text/html;base64,PHNjcmlwdD4=)", /data:text/i],
    ["a javascript: link around a mention", "[@alice](javascript:alert(1))", /javascript:/i],
    ["a style attribute", '<p style="background:url(javascript:alert(1))">x</p>', /style=|javascript:/i],
  ])("renders %s inert", (_name, body, forbidden) => {
    // The rest of the comment still renders: the payload is dropped, not the comment.
    const html = render(`${body}\n\nthe rest *stays*`);
    expect(html).not.toMatch(forbidden);
    expect(html).toContain("<p>the rest <em>stays</em></p>");
  });

  it("keeps a javascript: link's text as text", () => {
    const html = render("[click](javascript:alert(1))");
    expect(html).toContain("click");
    expect(html).not.toMatch(/href="javascript/i);
  });

  it("renders markdown", () => {
    const html = render("**bold** and `code`\n\n- one\n- two");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<li>one</li>");
  });

  it("links a resolved mention to the person's items on the product", () => {
    const html = render("thanks @alice and @AliceExample, cc @alice@example.com");
    const link = '<a href="/items?assignee=alice%40example.com&amp;product=demo" title="Alice Example">';
    expect(html).toContain(`${link}@alice</a>`);
    expect(html).toContain(`${link}@AliceExample</a>`);
    expect(html).toContain(`${link}@alice@example.com</a>`);
    expect(html).not.toContain("mailto:");
  });

  it("leaves unresolved handles, code and people the server did not store as text", () => {
    expect(render("ask @carol about `@alice`")).not.toContain("<a");
    expect(render("hi @alice", [])).not.toContain("<a");
    expect(render("hi @alice", [])).toContain("hi @alice");
  });
});
