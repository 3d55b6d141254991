// Email choices through the real route handlers on PostgreSQL: every choice on until changed, a
// round trip, and refused bodies that write nothing.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { GET, PUT } from "@/app/api/v1/me/notifications/route";
import { getDb, disconnectDb } from "@/lib/db";
import type { ErrorBody } from "@/lib/errors";
import type { PreferencesResponse } from "@/lib/preferences/schema";
import { createSignedInUser, createToken, request, type TestUser } from "@/tests/auth";

const NO_PARAMS = { params: Promise.resolve({}) };
const URL = "/api/v1/me/notifications";
const SMTP_BEFORE = process.env.SMTP_URL;

afterAll(disconnectDb);
afterEach(() => {
  if (SMTP_BEFORE === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = SMTP_BEFORE;
});

async function read(user: TestUser): Promise<PreferencesResponse> {
  const response = await GET(request(URL, { as: { cookie: user.cookie } }), NO_PARAMS);
  expect(response.status).toBe(200);
  return (await response.json()) as PreferencesResponse;
}

const put = (user: TestUser, body: unknown) => PUT(request(URL, { method: "PUT", body: body as Record<string, unknown>, as: { cookie: user.cookie } }), NO_PARAMS);

describe("GET/PUT /api/v1/me/notifications", () => {
  it("has every choice on by default and says whether email is configured", async () => {
    const viewer = await createSignedInUser("viewer");
    delete process.env.SMTP_URL;
    expect(await read(viewer)).toEqual({ assigned: true, watched: true, mentions: true, regressions: true, digest: true, email: { enabled: false } });
    process.env.SMTP_URL = "smtp://127.0.0.1:2525";
    expect((await read(viewer)).email).toEqual({ enabled: true });
    expect(await getDb().notificationPreference.findUnique({ where: { userId: viewer.id } })).toBeNull();
  });

  it("saves all five choices and reads them back", async () => {
    const engineer = await createSignedInUser("engineer");
    const choices = { assigned: true, watched: false, mentions: true, regressions: false, digest: false };
    const saved = await put(engineer, choices);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject(choices);
    expect(await read(engineer)).toMatchObject(choices);
    const again = await put(engineer, { ...choices, digest: true });
    expect(((await again.json()) as PreferencesResponse).digest).toBe(true);
    expect(await getDb().notificationPreference.findUniqueOrThrow({ where: { userId: engineer.id } })).toMatchObject({ ...choices, digest: true });
  });

  it("refuses an unknown key, a missing choice and a non-boolean with 400, writing nothing", async () => {
    const engineer = await createSignedInUser("engineer");
    const all = { assigned: false, watched: false, mentions: false, regressions: false, digest: false };
    for (const body of [{ ...all, sms: true }, { assigned: false }, { ...all, digest: "no" }]) {
      const response = await put(engineer, body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe("invalid");
    }
    expect(await getDb().notificationPreference.findUnique({ where: { userId: engineer.id } })).toBeNull();
    expect(await read(engineer)).toMatchObject({ assigned: true, digest: true });
  });

  it("refuses a token that belongs to no person", async () => {
    const token = await createToken("engineer");
    const response = await GET(request(URL, { as: { token: token.token } }), NO_PARAMS);
    expect(response.status).toBe(403);
  });
});
