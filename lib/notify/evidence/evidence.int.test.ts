// The daily evidence check on PostgreSQL: evidence.stale is written to the outbox once when a
// component's evidence goes stale, not again while it stays stale, and again after fresh evidence.
import { createHash, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { IMPORT_ACTOR } from "@/lib/auth/schema";
import { importBacklog } from "@/lib/backlog/mutations";
import { disconnectDb, getDb } from "@/lib/db";
import { checkStaleEvidence } from "@/lib/notify/evidence/mutations";

afterAll(disconnectDb);

const DAY = 86_400_000;
const T0 = new Date("2026-12-05T06:00:00Z");

async function setup(maxAgeDays: number) {
  const db = getDb();
  const slug = `stale-${randomUUID().slice(0, 8)}`;
  await importBacklog({ document: "# Stale test\n\n## 🔴 CRITICAL BLOCKERS\n\n### P0-1: Something\n**Status:** ❌ NOT STARTED\n", productSlug: slug, actor: IMPORT_ACTOR });
  const product = await db.product.update({ where: { slug }, data: { evidenceMaxAgeDays: maxAgeDays }, select: { id: true } });
  const component = await db.component.create({ data: { productId: product.id, slug: `operator-${randomUUID().slice(0, 6)}`, name: "Operator", type: "container" } });
  const addRun = (at: Date, passed: boolean, preflightVersion = "1.21.0") => {
    const body = `${component.id} ${at.toISOString()} ${passed} ${preflightVersion}`;
    return db.preflightRun.create({
      data: {
        productId: product.id,
        componentId: component.id,
        imageRef: "quay.io/example/operator:v1",
        imageRefNormalized: "quay.io/example/operator:v1",
        architecture: "amd64",
        kind: "container",
        preflightVersion,
        passed,
        passedCount: passed ? 10 : 9,
        failedCount: passed ? 0 : 1,
        errorCount: 0,
        warningCount: 0,
        diff: {},
        warnings: [],
        contentSha256: createHash("sha256").update(body).digest("hex"),
        original: Buffer.from(body),
        actor: "test",
        createdAt: at,
      },
    });
  };
  const staleEvents = () => db.outboxEvent.findMany({ where: { productId: product.id, type: "evidence.stale" }, orderBy: { at: "asc" } });
  return { component, addRun, staleEvents, only: { productIds: [product.id] } };
}

describe("the daily evidence check", () => {
  it("tells once that the last passing run is too old, and again only after fresh evidence cleared it", async () => {
    const { component, addRun, staleEvents, only } = await setup(30);
    await addRun(new Date(T0.getTime() - 10 * DAY), true);
    expect((await checkStaleEvidence(T0, only)).notified).toEqual([]);

    const later = new Date(T0.getTime() + 25 * DAY);
    expect((await checkStaleEvidence(later, only)).notified).toEqual([component.slug]);
    expect((await checkStaleEvidence(new Date(later.getTime() + DAY), only)).notified).toEqual([]);
    const events = await staleEvents();
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ component: { slug: component.slug, name: "Operator" }, lastPassingAt: new Date(T0.getTime() - 10 * DAY).toISOString() });
    expect((events[0]!.data as { reason: string }).reason).toContain("35 days old");
    expect(events[0]!.actor).toBe("certboard");

    // Fresh evidence: the notice is cleared, nothing new is told.
    const fresh = new Date(later.getTime() + 2 * DAY);
    await addRun(fresh, true);
    expect((await checkStaleEvidence(fresh, only)).cleared).toEqual([component.slug]);
    expect(await getDb().staleEvidenceNotice.findUnique({ where: { componentId: component.id } })).toBeNull();
    expect(await staleEvents()).toHaveLength(1);

    // Stale again a month later: told again.
    expect((await checkStaleEvidence(new Date(fresh.getTime() + 31 * DAY), only)).notified).toEqual([component.slug]);
    expect(await staleEvents()).toHaveLength(2);
  });

  it("tells when the newest run was made with a preflight older than the last three releases", async () => {
    const { component, addRun, staleEvents, only } = await setup(90);
    await addRun(new Date(T0.getTime() - DAY), true, "1.21.0");
    await addRun(T0, false, "1.18.0");
    expect((await checkStaleEvidence(T0, only)).notified).toEqual([component.slug]);
    const [event] = await staleEvents();
    expect((event!.data as { reason: string }).reason).toContain("preflight 1.18.0 is older than the last 3 releases");
    expect((await checkStaleEvidence(T0, only)).notified).toEqual([]);
    expect(await staleEvents()).toHaveLength(1);
  });
});
