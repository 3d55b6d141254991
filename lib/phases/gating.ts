// Pure gating rules: what a phase still waits for before it may be marked complete.
//
// A gated component counts only once Red Hat has certified AND published it: Red Hat does not start
// an operator bundle's certification while any image it references is missing from the catalog.
// A prerequisite phase counts once someone has marked it complete.

export const GATE_SATISFIED_STATUS = "published";

export type GateComponent = { slug: string; name: string; role?: string; certificationStatus: string };
export type GatePhase = { key: string; order: number; name: string; completed: boolean };

export type WaitingOn = {
  phases: { key: string; order: number; name: string }[];
  components: { slug: string; name: string; certificationStatus: string }[];
};

export type PhaseGate = {
  waitingOn: WaitingOn;
  /** Dependencies met, out of all (prerequisite phases plus gated components). */
  satisfied: number;
  total: number;
  images: { waiting: number; total: number };
  phases: { waiting: number; total: number };
  canComplete: boolean;
  /** Why the phase cannot be completed yet, naming everything missing; null when nothing is. */
  reason: string | null;
};

const CERTIFICATION_STATUS_LABELS: Record<string, string> = {
  not_created: "not created",
  started: "started",
  checklist_in_progress: "checklist in progress",
  tests_in_progress: "tests in progress",
  in_progress: "in progress",
  ready_for_certification: "ready for certification",
  certification_completed: "certified, not published",
  waiting_for_container_image: "waiting for container image",
  published: "certified and published",
  unpublished: "unpublished",
};

export function certificationStatusLabel(status: string): string {
  return CERTIFICATION_STATUS_LABELS[status] ?? status.replaceAll("_", " ");
}

export function isComponentSatisfied(component: Pick<GateComponent, "certificationStatus">): boolean {
  return component.certificationStatus === GATE_SATISFIED_STATUS;
}

// The operator image first, then what the bundle deploys, in the order the backlog names them.
const ROLE_ORDER = ["operator", "kmod_driver", "device_plugin", "scheduler", "scheduler_extension", "node_metrics", "other", "bundle"];
const roleRank = (role: string | undefined) => {
  const rank = ROLE_ORDER.indexOf(role ?? "other");
  return rank === -1 ? ROLE_ORDER.indexOf("other") : rank;
};

/** Gated components in reading order: by role (operator image first), then name. */
export function sortGateComponents<C extends GateComponent>(components: ReadonlyArray<C>): C[] {
  return [...components].sort((a, b) => roleRank(a.role) - roleRank(b.role) || a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export function evaluatePhaseGate(input: { phases: ReadonlyArray<GatePhase>; components: ReadonlyArray<GateComponent> }): PhaseGate {
  const phases = [...input.phases].sort((a, b) => a.order - b.order);
  const components = sortGateComponents(input.components);
  const openPhases = phases.filter((phase) => !phase.completed);
  const missing = components.filter((component) => !isComponentSatisfied(component));

  const sentences: string[] = [];
  if (missing.length > 0) {
    sentences.push(
      `Waiting on ${missing.length} of ${components.length} referenced ${plural(components.length, "image", "images")}: ${missing.map((c) => c.name).join(", ")}.`,
    );
  }
  if (openPhases.length > 0) {
    sentences.push(
      `Waiting on ${openPhases.length} of ${phases.length} prerequisite ${plural(phases.length, "phase", "phases")}: ${openPhases
        .map((p) => `Phase ${p.order} (${p.name})`)
        .join(", ")}.`,
    );
  }

  const total = phases.length + components.length;
  return {
    waitingOn: {
      phases: openPhases.map(({ key, order, name }) => ({ key, order, name })),
      components: missing.map(({ slug, name, certificationStatus }) => ({ slug, name, certificationStatus })),
    },
    satisfied: total - openPhases.length - missing.length,
    total,
    images: { waiting: missing.length, total: components.length },
    phases: { waiting: openPhases.length, total: phases.length },
    canComplete: sentences.length === 0,
    reason: sentences.length === 0 ? null : sentences.join(" "),
  };
}
