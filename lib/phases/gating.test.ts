import { describe, expect, it } from "vitest";
import { certificationStatusLabel, evaluatePhaseGate, isComponentSatisfied, sortGateComponents, type GateComponent, type GatePhase } from "@/lib/phases/gating";

// The demo's bundle phase: the operator image and the five images the bundle deploys.
const IMAGES: GateComponent[] = [
  { slug: "node-metrics-image", name: "Node metrics", role: "node_metrics", certificationStatus: "not_created" },
  { slug: "neuron-device-plugin", name: "Neuron device plugin", role: "device_plugin", certificationStatus: "not_created" },
  { slug: "neuron-openshift-operator", name: "Operator image", role: "operator", certificationStatus: "in_progress" },
  { slug: "neuron-scheduler", name: "Neuron scheduler extension", role: "scheduler_extension", certificationStatus: "not_created" },
  { slug: "neuron-driver", name: "Neuron kernel driver (KMM)", role: "kmod_driver", certificationStatus: "not_created" },
  { slug: "kube-scheduler", name: "EKS kube-scheduler", role: "scheduler", certificationStatus: "not_created" },
];
const PREREQUISITES: GatePhase[] = [
  { key: "phase-2", order: 2, name: "Container Prerequisites", completed: false },
  { key: "phase-1", order: 1, name: "Operator Image Fixes", completed: false },
];
const publish = (components: GateComponent[], ...slugs: string[]) =>
  components.map((c) => (slugs.includes(c.slug) ? { ...c, certificationStatus: "published" } : c));
const complete = (phases: GatePhase[], ...keys: string[]) => phases.map((p) => (keys.includes(p.key) ? { ...p, completed: true } : p));

describe("evaluatePhaseGate", () => {
  it("lets a phase without dependencies complete", () => {
    expect(evaluatePhaseGate({ phases: [], components: [] })).toEqual({
      waitingOn: { phases: [], components: [] },
      satisfied: 0,
      total: 0,
      images: { waiting: 0, total: 0 },
      phases: { waiting: 0, total: 0 },
      canComplete: true,
      reason: null,
    });
  });

  it("waits on every referenced image not yet published, naming each in reading order", () => {
    const gate = evaluatePhaseGate({ phases: [], components: IMAGES });
    expect(gate.canComplete).toBe(false);
    expect(gate.images).toEqual({ waiting: 6, total: 6 });
    expect(gate.waitingOn.components.map((c) => c.slug)).toEqual([
      "neuron-openshift-operator",
      "neuron-driver",
      "neuron-device-plugin",
      "kube-scheduler",
      "neuron-scheduler",
      "node-metrics-image",
    ]);
    expect(gate.reason).toBe(
      "Waiting on 6 of 6 referenced images: Operator image, Neuron kernel driver (KMM), Neuron device plugin, EKS kube-scheduler, Neuron scheduler extension, Node metrics.",
    );
    expect(gate.waitingOn.components[0]).toEqual({ slug: "neuron-openshift-operator", name: "Operator image", certificationStatus: "in_progress" });
  });

  it("counts a certified image only once it is also published", () => {
    const certified = IMAGES.map((c) => (c.role === "operator" ? { ...c, certificationStatus: "certification_completed" } : c));
    expect(evaluatePhaseGate({ phases: [], components: certified }).images.waiting).toBe(6);
    const published = publish(IMAGES, "neuron-openshift-operator", "neuron-driver");
    const gate = evaluatePhaseGate({ phases: [], components: published });
    expect(gate.images).toEqual({ waiting: 4, total: 6 });
    expect(gate.satisfied).toBe(2);
    expect(gate.reason).toBe("Waiting on 4 of 6 referenced images: Neuron device plugin, EKS kube-scheduler, Neuron scheduler extension, Node metrics.");
  });

  it("waits on prerequisite phases until they are complete, and on both kinds at once", () => {
    const gate = evaluatePhaseGate({ phases: complete(PREREQUISITES, "phase-1"), components: publish(IMAGES, ...IMAGES.slice(1).map((c) => c.slug)) });
    expect(gate.waitingOn.phases).toEqual([{ key: "phase-2", order: 2, name: "Container Prerequisites" }]);
    expect(gate.phases).toEqual({ waiting: 1, total: 2 });
    expect(gate.satisfied).toBe(6);
    expect(gate.total).toBe(8);
    expect(gate.reason).toBe(
      "Waiting on 1 of 6 referenced images: Node metrics. Waiting on 1 of 2 prerequisite phases: Phase 2 (Container Prerequisites).",
    );
    expect(gate.canComplete).toBe(false);
  });

  it("uses singular words for one dependency", () => {
    const gate = evaluatePhaseGate({ phases: [PREREQUISITES[1]!], components: [IMAGES[2]!] });
    expect(gate.reason).toBe("Waiting on 1 of 1 referenced image: Operator image. Waiting on 1 of 1 prerequisite phase: Phase 1 (Operator Image Fixes).");
  });

  it("allows completion once every image is published and every prerequisite complete", () => {
    const gate = evaluatePhaseGate({ phases: complete(PREREQUISITES, "phase-1", "phase-2"), components: publish(IMAGES, ...IMAGES.map((c) => c.slug)) });
    expect(gate).toMatchObject({ canComplete: true, reason: null, satisfied: 8, total: 8, waitingOn: { phases: [], components: [] } });
  });
});

describe("component helpers", () => {
  it("is satisfied by published only", () => {
    expect(isComponentSatisfied({ certificationStatus: "published" })).toBe(true);
    for (const status of ["not_created", "in_progress", "certification_completed", "unpublished"]) {
      expect(isComponentSatisfied({ certificationStatus: status })).toBe(false);
    }
  });

  it("labels statuses in words and keeps unknown ones readable", () => {
    expect(certificationStatusLabel("published")).toBe("certified and published");
    expect(certificationStatusLabel("certification_completed")).toBe("certified, not published");
    expect(certificationStatusLabel("some_new_status")).toBe("some new status");
  });

  it("sorts unknown roles with the others, before the bundle, then by name", () => {
    const sorted = sortGateComponents([
      { slug: "b", name: "Bundle", role: "bundle", certificationStatus: "x" },
      { slug: "z", name: "Zeta", role: "mystery", certificationStatus: "x" },
      { slug: "a", name: "Alpha", certificationStatus: "x" },
      { slug: "o", name: "Operator", role: "operator", certificationStatus: "x" },
    ]);
    expect(sorted.map((c) => c.slug)).toEqual(["o", "a", "z", "b"]);
  });
});
