import type { z } from "zod";

/**
 * A query parameter left empty (`?status=`, a form's blank select) means "not given": read before
 * a zod schema with `z.preprocess(emptyToUndefined, schema.optional())` so defaults apply.
 */
export const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);

// One reading of a URL query for every door: the API answers 400 with these problems, pages show
// them in an alert and carry on without the bad parameters (never silently showing everything).

export type QueryProblem = { param: string; value: string; message: string };
export type RawQuery = Record<string, string | string[] | undefined>;

/** Repeated parameters keep their last value, as URLSearchParams → Object.fromEntries does for the API. */
function lastValues(raw: RawQuery): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (last !== undefined) flat[name] = last;
  }
  return flat;
}

/**
 * "param: message", as every 400 words a zod issue; a choice zod words generically ("Invalid
 * option: …") names what it got and what it allows, a schema's own message is kept.
 */
function describeIssue(issue: z.core.$ZodIssue, param: string, value: string): string {
  if (issue.code === "invalid_value" && issue.values.length > 1 && issue.message.startsWith("Invalid option")) {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `${param}: "${shown}" is not one of: ${issue.values.map(String).join(", ")}`;
  }
  return `${param}: ${issue.message}`;
}

/** One problem per bad parameter, in the order the schema reported them. */
export function queryProblems(error: z.ZodError, raw: RawQuery): QueryProblem[] {
  const flat = lastValues(raw);
  const problems = new Map<string, QueryProblem>();
  for (const issue of error.issues) {
    const param = String(issue.path[0] ?? "query");
    if (problems.has(param)) continue;
    const value = flat[param] ?? "";
    problems.set(param, { param, value, message: describeIssue(issue, param, value) });
  }
  return [...problems.values()];
}

/**
 * Parses a query against `schema`. With problems, the bad parameters are dropped and the rest
 * parsed again, so a page still applies the filters that were right.
 */
export function parseQuery<S extends z.ZodType>(schema: S, raw: RawQuery): { query: z.output<S>; problems: QueryProblem[] } {
  const flat = lastValues(raw);
  const first = schema.safeParse(flat);
  if (first.success) return { query: first.data, problems: [] };
  const problems = queryProblems(first.error, raw);
  const rest = Object.fromEntries(Object.entries(flat).filter(([name]) => !problems.some((p) => p.param === name)));
  return { query: schema.parse(rest), problems };
}
