// Demo seed: on an empty database, loads the Neuron operator product so a first start has something
// to show. Run by `npm start`/`npm run dev`, or directly: `node --import tsx prisma/seed.ts`.
// Set CERTBOARD_SEED=none to start empty.
import { pathToFileURL } from "node:url";
import type { CertificationStatus, HostAccess, OsContentType } from "@/generated/prisma/client";
import { ensureSetupCode } from "@/lib/auth/mutations";
import { SYSTEM_ACTOR } from "@/lib/auth/schema";
import { applyBacklog } from "@/lib/backlog/mutations";
import { ensureComponentsForRefs } from "@/lib/components/mutations";
import { disconnectDb, getDb, type Tx } from "@/lib/db";
import { syncRequirementCatalog } from "@/lib/requirements/mutations";
import { DEMO_BACKLOG, DEMO_PRODUCT } from "./seed-data";
import { seedPhaseDependencies } from "./seed-phases";

type ComponentFacts = {
  name: string;
  role: string;
  owner: string;
  certificationStatus: CertificationStatus;
  hostAccess?: HostAccess;
  osContentType?: OsContentType;
};

const OPERATOR_REF = "public.ecr.aws/os-partners/neuron-openshift/operator:v0.1.3";

// What we know about each image the backlog names, keyed by the reference as the backlog writes it.
const COMPONENT_FACTS: Record<string, ComponentFacts> = {
  [OPERATOR_REF]: {
    name: "Operator image",
    role: "operator",
    owner: "AWS (this project)",
    certificationStatus: "in_progress",
    osContentType: "ubi",
  },
  "ghcr.io/awslabs/kmod-with-kmm-for-ai-chips-on-aws/neuron-driver:*": {
    name: "Neuron kernel driver (KMM)",
    role: "kmod_driver",
    owner: "AWS (this project)",
    certificationStatus: "not_created",
    // Its Containerfile's final stage is busybox (certification-domain.md §5.2): not UBI, so it needs
    // a scratch exception or a rebuild on UBI; the draft exception below says which.
    osContentType: "non_ubi",
  },
  "public.ecr.aws/neuron/neuron-device-plugin:*": {
    name: "Neuron device plugin",
    role: "device_plugin",
    owner: "AWS Neuron team",
    certificationStatus: "not_created",
  },
  "public.ecr.aws/eks-distro/kubernetes/kube-scheduler:*": {
    name: "EKS kube-scheduler",
    role: "scheduler",
    owner: "Amazon EKS",
    certificationStatus: "not_created",
    // Backlog P1-3: the EKS Distro image is not built on UBI; it is not a scratch image either.
    osContentType: "non_ubi",
  },
  "public.ecr.aws/neuron/neuron-scheduler:*": {
    name: "Neuron scheduler extension",
    role: "scheduler_extension",
    owner: "AWS Neuron team",
    certificationStatus: "not_created",
  },
  "Node metrics image (TBD)": {
    name: "Node metrics",
    role: "node_metrics",
    owner: "AWS Neuron team",
    certificationStatus: "not_created",
    // Backlog P0-6: runs privileged and as root, which Red Hat reviews.
    hostAccess: "privileged",
  },
  "registry.redhat.io/openshift4/ose-kube-scheduler:v4.14": {
    name: "OpenShift kube-scheduler",
    role: "scheduler",
    owner: "Red Hat",
    certificationStatus: "published",
    osContentType: "rhel",
  },
};

// The bundle is what Phase 3 submits; the document implies it without naming its image.
const BUNDLE = {
  slug: "neuron-operator-bundle",
  name: "Operator bundle",
  type: "operator_bundle",
  role: "bundle",
  registry: "public.ecr.aws",
  repository: "os-partners/neuron-openshift/operator-bundle",
  owner: "AWS (this project)",
  certificationStatus: "not_created",
} as const;

// v0.1.3 is the published operator image; v0.1.4 is the rebuild Phase 1 pushes.
const OPERATOR_TAGS = ["v0.1.3", "v0.1.4"];

export type SeedResult =
  | { seeded: true; product: string; items: number; phases: number; components: number }
  | { seeded: false; reason: "disabled" | "not_empty" };

export async function seedDemo(options: { log?: (line: string) => void } = {}): Promise<SeedResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  // Reference data every database needs, demo or not: the requirement matrix reads it.
  const catalog = await getDb().$transaction((tx) => syncRequirementCatalog(tx));
  log(`Requirement catalog: ${catalog.requirements} requirements`);
  if (process.env.CERTBOARD_SEED === "none") {
    log("CERTBOARD_SEED=none: demo seed skipped");
    return { seeded: false, reason: "disabled" };
  }

  const result = await getDb().$transaction(
    async (tx): Promise<SeedResult> => {
      // Two processes starting together must not both seed: the second waits, then sees the product.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('certboard-demo-seed'))`;
      if ((await tx.product.count()) > 0) return { seeded: false, reason: "not_empty" };

      return createDemoProduct(tx, DEMO_PRODUCT);
    },
    { timeout: 60_000, maxWait: 10_000 },
  );

  if (result.seeded) {
    log(
      `Seeded demo product ${result.product}: ${result.items} items, ${result.phases} phases, ${result.components} components`,
    );
  } else {
    log("Database already has data: demo seed skipped");
  }
  return result;
}

/** The demo product under any slug (tests build their own copy next to other data). */
export async function createDemoProduct(tx: Tx, facts: { slug: string; name: string; description?: string }) {
  const product = await tx.product.create({ data: facts, select: { id: true, slug: true } });
  const applied = await applyBacklog(tx, product, DEMO_BACKLOG, SYSTEM_ACTOR);
  await enrichComponents(tx, product.id);
  await seedPhaseDependencies(tx, product.id);
  await seedRequirementLinks(tx, product.id);
  const components = await tx.component.count({ where: { productId: product.id } });
  return { seeded: true as const, product: product.slug, items: applied.items, phases: applied.phases, components };
}

async function enrichComponents(tx: Tx, productId: string): Promise<void> {
  // Already created by applyBacklog; calling again only resolves each reference to its slug.
  const slugs = await ensureComponentsForRefs(tx, productId, Object.keys(COMPONENT_FACTS));
  for (const [ref, facts] of Object.entries(COMPONENT_FACTS)) {
    const slug = slugs.get(ref);
    if (!slug) throw new Error(`Demo seed: no component for ${ref}`);
    await tx.component.update({ where: { productId_slug: { productId, slug } }, data: facts });
  }

  const operatorSlug = slugs.get(OPERATOR_REF);
  if (operatorSlug) {
    const operator = await tx.component.findUniqueOrThrow({
      where: { productId_slug: { productId, slug: operatorSlug } },
      select: { id: true },
    });
    for (const name of OPERATOR_TAGS) {
      await tx.imageTag.upsert({
        where: { componentId_name: { componentId: operator.id, name } },
        create: { componentId: operator.id, name },
        update: {},
      });
    }
  }

  const bundleExists = await tx.component.findFirst({
    where: { productId, OR: [{ slug: BUNDLE.slug }, { registry: BUNDLE.registry, repository: BUNDLE.repository }] },
    select: { id: true },
  });
  if (!bundleExists) {
    await tx.component.create({
      data: { productId, ...BUNDLE },
    });
  }
}

// Which requirement each manual demo item is the work for, and the privileged exception P0-6 asks for.
// P0-1 is the bundle's OPB-01 (every image it references certified and published first).
const REQUIREMENT_LINKS: Record<string, string[]> = { "P0-1": ["OPB-01", "CTR-15", "CTR-17", "CTR-18"], "P0-6": ["CTR-11"] };

const DRIVER_SCRATCH_DRAFT = [
  "The driver image's final stage is `busybox:stable-musl` (the kernel module and `/licenses` only), so",
  "preflight's UBI, package and modified-file checks cannot pass on it as built.",
  "",
  "Two ways forward, to decide before filing:",
  "- **Rebuild on UBI**: `ubi9/ubi-micro` as the final stage, the module built in the Driver Toolkit image as today.",
  "- **Request a scratch exception**: Red Hat grants it as a business decision; then the scratch policy applies.",
].join("\n");

const NODE_METRICS_JUSTIFICATION = [
  "The node metrics container reads the Neuron devices' hardware counters through `neuron-monitor`,",
  "which needs direct access to `/dev/neuron*` and the host's sysfs. It is created with `Privileged: true`",
  "and `RunAsUser: 0` (`internal/nodemetrics/nodemetrics.go:91-93`).",
  "",
  "- Scope: one DaemonSet pod per Neuron node; no other workload runs privileged.",
  "- Alternative under test: the `SYS_ADMIN` capability with the device plugin's device mounts.",
].join("\n");

async function seedRequirementLinks(tx: Tx, productId: string): Promise<void> {
  for (const [key, requirementCodes] of Object.entries(REQUIREMENT_LINKS)) {
    await tx.backlogItem.update({ where: { productId_key: { productId, key } }, data: { requirementCodes } });
  }
  // P0-1 is the bundle's gate: link it to the bundle, whose OPB-01 row it tracks.
  const bundle = await tx.component.findFirstOrThrow({ where: { productId, slug: BUNDLE.slug }, select: { id: true } });
  const p01 = await tx.backlogItem.findUniqueOrThrow({ where: { productId_key: { productId, key: "P0-1" } }, select: { id: true } });
  await tx.itemComponent.createMany({ data: [{ itemId: p01.id, componentId: bundle.id }], skipDuplicates: true });
  // The images the bundle references (its CSV deploys them): the ones phase 3 is gated on.
  const gated = await tx.phaseComponentGate.findMany({ where: { phase: { productId, key: "phase-3" } }, select: { componentId: true } });
  await tx.componentReference.createMany({ data: gated.map((g) => ({ bundleId: bundle.id, componentId: g.componentId })), skipDuplicates: true });
  const driver = await tx.component.findFirstOrThrow({ where: { productId, role: "kmod_driver" }, select: { id: true } });
  await tx.componentException.create({
    data: { componentId: driver.id, kind: "scratch", status: "draft", justification: DRIVER_SCRATCH_DRAFT, createdBy: SYSTEM_ACTOR.name },
  });
  const nodeMetrics = await tx.component.findFirstOrThrow({ where: { productId, role: "node_metrics" }, select: { id: true } });
  await tx.componentException.create({
    data: {
      componentId: nodeMetrics.id,
      kind: "privileged",
      status: "requested",
      justification: NODE_METRICS_JUSTIFICATION,
      requestedAt: new Date(),
      createdBy: SYSTEM_ACTOR.name,
    },
  });
}

const runAsScript = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

/** Before the first admin exists, says how to reach /setup (and its code, for a browser on another machine). */
async function announceSetup(): Promise<void> {
  const code = await ensureSetupCode();
  if (!code) return;
  console.log(
    [
      "",
      "  First-run setup: open /setup in a browser to create the first admin.",
      `  From another machine it asks for this one-time setup code: ${code}`,
      "  (`certboard setup-code` prints it again.)",
      "",
    ].join("\n"),
  );
}

if (runAsScript) {
  seedDemo()
    .then(announceSetup)
    .catch((error: unknown) => {
      console.error("Demo seed failed:", error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(() => disconnectDb());
}
