import { describe, expect, it } from "vitest";
import { AppError, isDatabaseUnavailable, toAppError } from "./errors";

// Shapes as a production server logged them with PostgreSQL stopped (tests/system/database-outage.sys.test.ts).
function driverAdapterError(kind: string) {
  return Object.assign(new Error(kind), { name: "DriverAdapterError", cause: { kind, originalMessage: "connect ECONNREFUSED 127.0.0.1:54463" } });
}

describe("isDatabaseUnavailable", () => {
  it("recognises a raw query whose driver error sits in meta, not in cause", () => {
    const raw = Object.assign(new Error("Invalid `prisma.$queryRaw()` invocation: Raw query failed. Code: `N/A`."), {
      code: "P2010",
      meta: { driverAdapterError: driverAdapterError("DatabaseNotReachable") },
    });
    expect(isDatabaseUnavailable(raw)).toBe(true);
  });

  it("recognises Prisma's unreachable server, pg-pool's connect timeout and a refused socket", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Can't reach database server at 127.0.0.1:5432"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) }))).toBe(true);
  });

  it("does not take other database errors for an outage", () => {
    const unique = Object.assign(new Error("Unique constraint failed on the fields: (`key`)"), { code: "P2002", meta: { driverAdapterError: driverAdapterError("UniqueConstraintViolation") } });
    expect(isDatabaseUnavailable(unique)).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it("survives a cycle of causes", () => {
    const a: { message: string; cause?: unknown } = { message: "a" };
    a.cause = { message: "b", cause: a };
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe("toAppError", () => {
  it("turns an outage into 503 unavailable with a message people can act on", () => {
    const error = toAppError(new Error("timeout exceeded when trying to connect"));
    expect(error).toBeInstanceOf(AppError);
    expect([error.code, error.status, error.message]).toEqual(["unavailable", 503, "The database is not reachable; try again shortly."]);
  });
});
