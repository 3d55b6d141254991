import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { PATCH as patchRoute } from "@/app/api/v1/phases/[key]/route";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/schema";
import { applyBacklog } from "@/lib/backlog/mutations";
import { disconnectDb, getDb } from "@/lib/db";
import { isAppError, type AppError } from "@/lib/errors";
import { getPhaseBoard, listPhaseBoards, listPhasesWaitingOn } from "@/lib/phases/data";
import { updatePhase } from "@/lib/phases/mutations";
import type { PhaseBoard } from "@/lib/phases/schema";
import { DEMO_BACKLOG } from "@/prisma/seed-data";
import { seedPhaseDependencies } from "@/prisma/seed-phases";
import { createToken, request } from "@/tests/auth";

// Each test builds a demo-like product of its own: the demo backlog and the demo plan's dependencies.
const BOB: Actor = { kind: "user", name: "Bob Engineer" };

/** The bundle phase's six gated images, as the demo backlog's references name them, in reading order. */
const SIX_IMAGES = ["neuron-openshift-operator", "neuron-driver", "neuron-device-plugin", "kube-scheduler", "neuron-scheduler", "node-metrics-image"];
/** Their names: the importer names an image after its repository, and a placeholder after its text. */
const SIX_NAMES = ["neuron-openshift-operator", "neuron-driver", "neuron-device-plugin", "kube-scheduler", "neuron-scheduler", "Node metrics image"];

async function demoProduct(): Promise<string> {
  const slug = `deps-${randomUUID().slice(0, 8)}`;
  await getDb().$transaction(
    async (tx) => {
      const product = await tx.product.create({ data: { slug, name: `Dependencies ${slug}` }, select: { id: true, slug: true } });
      await applyBacklog(tx, product, DEMO_BACKLOG, SYSTEM_ACTOR);
      await seedPhaseDependencies(tx, product.id);
    },
    { timeout: 60_000 },
  );
  return slug;
}

async function publish(product: string, slugs: string[]) {
  await getDb().component.updateMany({ where: { product: { slug: product }, slug: { in: slugs } }, data: { certificationStatus: "published" } });
}

const version = async (product: string, key: string) => (await getPhaseBoard(key, product)).phase.version;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

afterAll(disconnectDb);

describe("the demo plan's dependencies", () => {
  it("gates the bundle phase on phases 1 and 2 and on the six images, not on Red Hat's scheduler", async () => {
    const product = await demoProduct();
    const board = await getPhaseBoard("phase-3", product);
    expect(board.dependencies.phases).toEqual([
      { key: "phase-1", order: 1, name: "Operator Image Fixes", completed: false },
      { key: "phase-2", order: 2, name: "Container Prerequisites", completed: false },
    ]);
    expect(board.dependencies.components.map((c) => c.slug)).toEqual(SIX_IMAGES);
    expect(board.dependencies.components.every((c) => !c.satisfied)).toBe(true);
    expect(board.blockedBy.components.map((c) => c.slug)).toEqual(SIX_IMAGES);
    expect(board.gate).toMatchObject({ canComplete: false, satisfied: 0, total: 8, images: { waiting: 6, total: 6 }, phases: { waiting: 2, total: 2 } });
    expect(board.gate.reason).toMatch(/^Waiting on 6 of 6 referenced images: neuron-openshift-operator, neuron-driver, /);
    expect(board.phase).toMatchObject({ version: 1, completedAt: null, completedBy: null });

    const phase1 = await getPhaseBoard("phase-1", product);
    expect(phase1.dependents).toEqual([{ key: "phase-3", order: 3, name: "Operator Certification" }]);
    expect(phase1.gate).toMatchObject({ canComplete: true, total: 0, reason: null });

    expect((await listPhasesWaitingOn("neuron-driver", product)).map((p) => [p.key, p.gate.images.waiting, p.component.satisfied])).toEqual([["phase-3", 6, false]]);
    expect(await listPhasesWaitingOn("ose-kube-scheduler", product)).toEqual([]);
    expect((await refusal(listPhasesWaitingOn("no-such-image", product))).code).toBe("not_found");
  });

  it("refuses to complete the bundle phase while images or prerequisites are missing, then allows it", async () => {
    const product = await demoProduct();
    const blocked = await refusal(updatePhase({ productSlug: product, key: "phase-3", patch: { version: 1, completed: true }, actor: BOB }));
    expect(blocked.code).toBe("conflict");
    expect(blocked.message).toContain("Phase 3 (Operator Certification) cannot be marked complete yet. Waiting on 6 of 6 referenced images:");
    expect(blocked.message).toContain(`Waiting on 6 of 6 referenced images: ${SIX_NAMES.join(", ")}.`);
    expect(blocked.message).toContain("Waiting on 2 of 2 prerequisite phases: Phase 1 (Operator Image Fixes), Phase 2 (Container Prerequisites).");
    expect((blocked.details as { blockedBy: PhaseBoard["blockedBy"] }).blockedBy.components.map((c) => c.slug)).toEqual(SIX_IMAGES);
    expect((await getPhaseBoard("phase-3", product)).phase).toMatchObject({ version: 1, completedAt: null });

    // Certified but not yet published does not count.
    await getDb().component.updateMany({ where: { product: { slug: product }, slug: { in: SIX_IMAGES } }, data: { certificationStatus: "certification_completed" } });
    expect((await getPhaseBoard("phase-3", product)).gate.images.waiting).toBe(6);

    await publish(product, SIX_IMAGES.slice(0, 5));
    const oneLeft = await refusal(updatePhase({ productSlug: product, key: "phase-3", patch: { version: 1, completed: true }, actor: BOB }));
    expect(oneLeft.message).toContain("Waiting on 1 of 6 referenced images: Node metrics image.");

    await publish(product, SIX_IMAGES);
    const phasesLeft = await refusal(updatePhase({ productSlug: product, key: "phase-3", patch: { version: 1, completed: true }, actor: BOB }));
    expect(phasesLeft.message).not.toContain("referenced images");
    expect(phasesLeft.message).toContain("Waiting on 2 of 2 prerequisite phases");

    for (const key of ["phase-1", "phase-2"]) {
      expect(await updatePhase({ productSlug: product, key, patch: { version: 1, completed: true }, actor: BOB })).toEqual({ key, version: 2, changed: ["completed"] });
    }
    expect((await getPhaseBoard("phase-3", product)).gate).toMatchObject({ canComplete: true, satisfied: 8, total: 8, reason: null });
    await updatePhase({ productSlug: product, key: "phase-3", patch: { version: 1, completed: true }, actor: BOB });
    const done = await getPhaseBoard("phase-3", product);
    expect(done.phase).toMatchObject({ version: 2, completedBy: "Bob Engineer" });
    expect(Date.parse(done.phase.completedAt ?? "")).not.toBeNaN();

    // Completing again changes nothing; reopening clears who and when.
    expect(await updatePhase({ productSlug: product, key: "phase-3", patch: { version: 2, completed: true }, actor: BOB })).toMatchObject({ version: 2, changed: [] });
    await updatePhase({ productSlug: product, key: "phase-3", patch: { version: 2, completed: false }, actor: BOB });
    expect((await getPhaseBoard("phase-3", product)).phase).toMatchObject({ version: 3, completedAt: null, completedBy: null });
  });

  it("answers a refused completion through the PATCH door with 409 naming the images", async () => {
    const product = await demoProduct();
    const { token } = await createToken("engineer");
    const patch = (key: string, body: unknown) =>
      patchRoute(request(`/api/v1/phases/${key}?product=${product}`, { method: "PATCH", body, as: { token } }), { params: Promise.resolve({ key }) });

    const refused = await patch("phase-3", { version: 1, completed: true });
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { error: { code: string; message: string; details: { blockedBy: PhaseBoard["blockedBy"] } } };
    expect(body.error.code).toBe("conflict");
    expect(body.error.message).toContain("Waiting on 6 of 6 referenced images");
    expect(body.error.details.blockedBy.components.map((c) => c.slug)).toEqual(SIX_IMAGES);

    const ok = await patch("phase-1", { version: 1, completed: true });
    expect(ok.status).toBe(200);
    const board = (await ok.json()) as PhaseBoard;
    expect(board.phase).toMatchObject({ key: "phase-1", version: 2 });
    expect(board.phase.completedBy).toMatch(/^token test-engineer-/);

    expect((await patch("phase-1", { version: 2 })).status).toBe(400);
    expect((await patch("phase-1", { version: 2, completed: true, extra: 1 })).status).toBe(400);
    expect((await patch("phase-9", { version: 1, completed: true })).status).toBe(404);
  });

  it("replaces dependencies, and refuses self-dependencies, cycles and unknown keys without changing anything", async () => {
    const product = await demoProduct();
    const saved = await updatePhase({ productSlug: product, key: "phase-2", patch: { version: 1, dependsOn: ["phase-1"], gates: ["neuron-driver", "neuron-driver"] }, actor: BOB });
    expect(saved).toEqual({ key: "phase-2", version: 2, changed: ["dependsOn", "gates"] });
    const phase2 = await getPhaseBoard("phase-2", product);
    expect(phase2.dependencies.phases.map((p) => p.key)).toEqual(["phase-1"]);
    expect(phase2.dependencies.components.map((c) => c.slug)).toEqual(["neuron-driver"]);
    expect(phase2.dependents.map((p) => p.key)).toEqual(["phase-3"]);
    expect((await listPhasesWaitingOn("neuron-driver", product)).map((p) => p.key)).toEqual(["phase-2", "phase-3"]);

    const cases: [unknown, RegExp][] = [
      [{ dependsOn: ["phase-1", "phase-2"] }, /phase phase-2 cannot depend on itself/],
      [{ dependsOn: ["phase-3"] }, /cycle \(phase-2 → phase-3 → phase-2\)/],
      [{ dependsOn: ["phase-7"] }, /no phase "phase-7"/],
      [{ gates: ["neuron-driver", "nope"] }, /gates: no component "nope"/],
    ];
    for (const [change, message] of cases) {
      const error = await refusal(updatePhase({ productSlug: product, key: "phase-2", patch: { version: 2, ...(change as object) }, actor: BOB }));
      expect(error.code).toBe("invalid");
      expect(error.message).toMatch(message);
    }
    // phase-1 → phase-2 → phase-1 through the new edge: an indirect cycle, refused too.
    const indirect = await refusal(updatePhase({ productSlug: product, key: "phase-1", patch: { version: 1, dependsOn: ["phase-3"] }, actor: BOB }));
    expect(indirect.message).toMatch(/phase-1 → phase-3 → phase-1/);
    const after = await getPhaseBoard("phase-2", product);
    expect(after.phase.version).toBe(2);
    expect(after.dependencies.phases.map((p) => p.key)).toEqual(["phase-1"]);
    expect(after.dependencies.components.map((c) => c.slug)).toEqual(["neuron-driver"]);

    // The same lists again change nothing; empty lists remove every dependency.
    expect(await updatePhase({ productSlug: product, key: "phase-2", patch: { version: 2, dependsOn: ["phase-1"], gates: ["neuron-driver"] }, actor: BOB })).toMatchObject({ changed: [] });
    await updatePhase({ productSlug: product, key: "phase-2", patch: { version: 2, dependsOn: [], gates: [] }, actor: BOB });
    expect((await getPhaseBoard("phase-2", product)).gate.total).toBe(0);
    // Dependencies and completion in one request: the new gate decides.
    const both = await refusal(updatePhase({ productSlug: product, key: "phase-2", patch: { version: 3, gates: ["kube-scheduler"], completed: true }, actor: BOB }));
    expect(both.message).toContain("Waiting on 1 of 1 referenced image: kube-scheduler.");
    expect((await getPhaseBoard("phase-2", product)).dependencies.components).toEqual([]);
  });

  it("lets exactly one of two concurrent completions with the same version through", async () => {
    const product = await demoProduct();
    const attempts = await Promise.allSettled([
      updatePhase({ productSlug: product, key: "phase-1", patch: { version: 1, completed: true }, actor: BOB }),
      updatePhase({ productSlug: product, key: "phase-1", patch: { version: 1, completed: true }, actor: { kind: "user", name: "Carol" } }),
    ]);
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const rejected = attempts.filter((a) => a.status === "rejected");
    expect(rejected).toHaveLength(1);
    const reason = (rejected[0] as PromiseRejectedResult).reason as unknown;
    expect(isAppError(reason) && reason.code === "conflict" && /changed by someone else/.test(reason.message)).toBe(true);
    expect(await version(product, "phase-1")).toBe(2);
  });

  it("puts the open items holding up the bundle phase on the critical path, P0s first", async () => {
    const product = await demoProduct();
    const { criticalPath, phases } = await listPhaseBoards(product);
    expect(criticalPath.map((e) => e.key)).toEqual(["P0-1", "P0-2", "P0-3", "P0-4", "P0-6", "P1-3"]);
    const p01 = criticalPath[0]!;
    expect(p01.blocks).toEqual({ items: 0, effort: { minHours: 0, maxHours: 0, unestimated: 0 }, phases: [{ key: "phase-3", order: 3, name: "Operator Certification" }] });
    expect(p01.viaComponents.map((c) => c.slug)).toEqual(["kube-scheduler", "neuron-device-plugin", "neuron-driver", "neuron-scheduler", "node-metrics-image"]);
    expect(criticalPath.find((e) => e.key === "P0-3")?.viaComponents.map((c) => c.slug)).toEqual(["neuron-openshift-operator"]);
    expect(phases.find((p) => p.key === "phase-3")?.gate.images).toEqual({ waiting: 6, total: 6 });

    // Once phase 1 is complete and the operator image published, phase 1's items about that image hold
    // nothing up; P0-6 still does: it is node metrics' privileged review, and node metrics is unpublished.
    await publish(product, ["neuron-openshift-operator"]);
    await updatePhase({ productSlug: product, key: "phase-1", patch: { version: 1, completed: true }, actor: BOB });
    expect((await listPhaseBoards(product)).criticalPath.map((e) => e.key)).toEqual(["P0-1", "P0-6", "P1-3"]);
    expect((await getPhaseBoard("phase-2", product)).criticalPath.map((e) => e.key)).toEqual(["P0-1"]);
  });
});
