import { describe, expect, it } from "vitest";
import { z } from "zod";
import { itemFilterSchema } from "@/lib/backlog/schema";
import { parseQuery } from "./query-params";

describe("parseQuery", () => {
  it("passes a good query through", () => {
    const { query, problems } = parseQuery(itemFilterSchema, { status: "blocked", category: "" });
    expect(problems).toEqual([]);
    expect(query).toMatchObject({ status: "blocked", category: undefined, sort: "key" });
  });

  it("names each bad parameter with the values it allows, and keeps the good filters", () => {
    const { query, problems } = parseQuery(itemFilterSchema, { status: "bogus", sort: "nope", priority: "P1" });
    expect(problems).toEqual([
      { param: "status", value: "bogus", message: 'status: "bogus" is not one of: not_started, in_progress, blocked, needs_justification, in_review, done, wont_do' },
      { param: "sort", value: "nope", message: 'sort: "nope" is not one of: key, title, category, priority, status, effort, due, updated' },
    ]);
    expect(query).toMatchObject({ sort: "key", priority: "P1" });
    expect(query.status).toBeUndefined();
  });

  it("reads a repeated parameter as its last value, like the API", () => {
    expect(parseQuery(itemFilterSchema, { status: ["bogus", "done"] })).toMatchObject({ query: { status: "done" }, problems: [] });
  });

  it("describes non-enum problems with zod's message", () => {
    const { problems } = parseQuery(z.object({ limit: z.coerce.number().max(5).optional() }), { limit: "9" });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^limit: Too big/);
  });
});
