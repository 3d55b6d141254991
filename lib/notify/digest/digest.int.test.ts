// The weekly digest on PostgreSQL with a real SMTP server in the test process: the CLI prints it and
// mails one copy with --to, and the hourly schedule mails each product-week once, however often it runs.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORT_ACTOR } from "@/lib/auth/schema";
import { importBacklog } from "@/lib/backlog/mutations";
import { disconnectDb, getDb } from "@/lib/db";
import { sendWeeklyDigests } from "@/lib/notify/digest/mutations";
import { createUser } from "@/lib/users/mutations";
import { startSmtpServer } from "@/tests/smtp";

const run = promisify(execFile);
type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;
let smtp: Smtp;
const SMTP_BEFORE = process.env.SMTP_URL;

const DOCUMENT = [
  "# Digest test backlog",
  "",
  "## 🔴 CRITICAL BLOCKERS",
  "",
  "### P0-1: Rebuild the operator on UBI",
  "**Status:** ❌ NOT STARTED",
  "",
  "### P0-2: Sign the bundle",
  "**Status:** 🔄 IN PROGRESS",
  "",
  "### P0-3: Remove the root user",
  "**Status:** ✅ DONE",
  "",
].join("\n");

async function newProduct(): Promise<string> {
  const slug = `digest-${randomUUID().slice(0, 8)}`;
  await importBacklog({ document: DOCUMENT, productSlug: slug, actor: IMPORT_ACTOR });
  return slug;
}

const cli = (env: NodeJS.ProcessEnv, ...args: string[]) => run(process.execPath, ["bin/certboard.mjs", ...args], { env, timeout: 90_000 });

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  if (SMTP_BEFORE === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = SMTP_BEFORE;
  await smtp.close();
  await disconnectDb();
});

describe("certboard digest", () => {
  it("prints the digest without --send, and with --send --to mails one message naming the open blockers by key", async () => {
    const product = await newProduct();
    const withoutSmtp = { ...process.env, SMTP_URL: "" };
    const printed = await cli(withoutSmtp, "digest", "--product", product);
    expect(printed.stdout).toContain("Subject: Certboard weekly digest: Digest test backlog");
    expect(printed.stdout).toContain(`Weekly digest of Digest test backlog (${product})`);
    expect(printed.stdout).toContain("Open critical blockers (2)");
    expect(printed.stdout).not.toContain("P0-3");

    const refused = await cli(withoutSmtp, "digest", "--send", "--product", product, "--to", "pm@example.test").catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining("Email is off: set SMTP_URL") });
    expect(smtp.mails).toHaveLength(0);

    const to = `pm-${randomUUID().slice(0, 6)}@example.test`;
    const sent = await cli({ ...process.env, SMTP_URL: smtp.url, SMTP_FROM: "Certboard <digest@example.test>", CERTBOARD_URL: "https://certboard.example.test/x" }, "digest", "--send", "--product", product, "--to", to);
    expect(sent.stdout).toContain(`Sent the digest of ${product} to 1 person: ${to}.`);
    const mine = smtp.mails.filter((m) => m.to.includes(to));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.to).toEqual([to]);
    expect(mine[0]!.from).toBe("digest@example.test");
    expect(mine[0]!.subject).toContain("Certboard weekly digest: Digest test backlog");
    const text = mine[0]!.text;
    expect(text).toMatch(/Forecast\n-+\n- .+\./);
    expect(text).toContain("- P0-1: Rebuild the operator on UBI (Not started");
    expect(text).toContain("- P0-2: Sign the bundle (In progress");
    expect(text).toContain(`https://certboard.example.test/items/P0-1?product=${product}`);
    expect(text).not.toContain("P0-3");
    expect(text).toContain("What remains");
    // Three CLI processes, each loading the TypeScript sources: more than the default minute on a busy machine.
  }, 180_000);
});

describe("the weekly schedule", () => {
  it("mails each product's digest once per week, from Monday 08:00 in its timezone, however often it runs", async () => {
    process.env.SMTP_URL = smtp.url;
    const db = getDb();
    const product = await newProduct();
    // Kiritimati is UTC+14: its Monday 08:30 is Sunday 18:30 UTC, when no UTC product is due.
    const row = await db.product.update({ where: { slug: product }, data: { timezone: "Pacific/Kiritimati", restricted: true }, select: { id: true } });
    const member = await createUser({ name: "Digest Member", email: `member-${randomUUID().slice(0, 8)}@example.test`, role: "viewer", password: `pw-${randomUUID()}` });
    const optedOut = await createUser({ name: "No Digest", email: `nodigest-${randomUUID().slice(0, 8)}@example.test`, role: "viewer", password: `pw-${randomUUID()}` });
    const outsider = await createUser({ name: "Outsider", email: `outsider-${randomUUID().slice(0, 8)}@example.test`, role: "viewer", password: `pw-${randomUUID()}` });
    await db.productMember.createMany({ data: [member, optedOut].map((u) => ({ productId: row.id, userId: u.id, role: "viewer" as const })) });
    await db.notificationPreference.create({ data: { userId: optedOut.id, digest: false } });
    const only = { productIds: [row.id] };
    const mailsTo = (email: string) => smtp.mails.filter((m) => m.to.includes(email));

    const early = await sendWeeklyDigests(new Date("2026-12-06T17:59:00Z"), only);
    expect(early).toEqual([]);

    const monday = new Date("2026-12-06T18:30:00Z");
    const first = await sendWeeklyDigests(monday, only);
    expect(first.find((r) => r.product === product)?.sent).toContain(member.email);
    const second = await sendWeeklyDigests(new Date(monday.getTime() + 3_600_000), only);
    expect(second).toEqual([]);

    expect(mailsTo(member.email)).toHaveLength(1);
    expect(mailsTo(member.email)[0]!.text).toContain("P0-1: Rebuild the operator on UBI");
    expect(mailsTo(optedOut.email)).toHaveLength(0);
    expect(mailsTo(outsider.email)).toHaveLength(0);
    expect(await db.digestSend.findMany({ where: { productId: row.id }, select: { week: true } })).toEqual([{ week: new Date("2026-12-07T00:00:00Z") }]);

    // The next Monday is another week.
    const next = await sendWeeklyDigests(new Date(monday.getTime() + 7 * 86_400_000), only);
    expect(next.find((r) => r.product === product)?.sent).toContain(member.email);
    expect(mailsTo(member.email)).toHaveLength(2);
  });
});
