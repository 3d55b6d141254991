// The demo plan's dependencies: the bundle certification (phase-3) waits for the operator image
// fixes (phase-1) and the container prerequisites (phase-2), and for every image the bundle
// references to be certified and published, so the demo shows the gate at work.
import type { Tx } from "@/lib/db";
import { isRedHatRegistry } from "@/lib/components/image-ref";

const BUNDLE_PHASE = "phase-3";
const PREREQUISITES = ["phase-1", "phase-2"];
// The operator image and the five images it deploys. Red Hat's own images (the OpenShift
// kube-scheduler) are already in the catalog and are not ours to certify.
const GATED_ROLES = ["operator", "kmod_driver", "device_plugin", "scheduler", "scheduler_extension", "node_metrics"];

export async function seedPhaseDependencies(tx: Tx, productId: string): Promise<void> {
  const phases = await tx.phase.findMany({ where: { productId, key: { in: [BUNDLE_PHASE, ...PREREQUISITES] } }, select: { id: true, key: true } });
  const idOf = (key: string) => {
    const id = phases.find((phase) => phase.key === key)?.id;
    if (!id) throw new Error(`Demo seed: no phase ${key}`);
    return id;
  };
  const bundlePhaseId = idOf(BUNDLE_PHASE);

  const components = await tx.component.findMany({
    where: { productId, type: "container", role: { in: GATED_ROLES } },
    select: { id: true, role: true, owner: true, registry: true },
  });
  const ours = components.filter((c) => c.owner !== "Red Hat" && !isRedHatRegistry(c.registry));
  for (const role of GATED_ROLES) {
    if (!ours.some((c) => c.role === role)) throw new Error(`Demo seed: no ${role} image to gate ${BUNDLE_PHASE} on`);
  }

  await tx.phaseDependency.createMany({
    data: PREREQUISITES.map((key) => ({ phaseId: bundlePhaseId, dependsOnId: idOf(key) })),
    skipDuplicates: true,
  });
  await tx.phaseComponentGate.createMany({
    data: ours.map((component) => ({ phaseId: bundlePhaseId, componentId: component.id })),
    skipDuplicates: true,
  });
}
