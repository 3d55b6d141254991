// A component's role in an operator product (operator image, kernel driver, device plugin, …), read
// from a repository name or from the words people use for it in prose ("Node Metrics Privileged
// Container", "EKS Scheduler Image"). Pure, so the vocabulary has tests of its own.

export type ComponentRole = "operator" | "bundle" | "kmod_driver" | "device_plugin" | "scheduler" | "scheduler_extension" | "node_metrics" | "other";

/** A guess at the component's role from its repository (or placeholder) name. */
export function guessRole(repository: string): ComponentRole {
  const name = repository.toLowerCase();
  if (name.includes("bundle")) return "bundle";
  if (name.includes("driver") || name.includes("kmod") || name.includes("kernel-module")) return "kmod_driver";
  if (name.includes("device-plugin")) return "device_plugin";
  if (name.includes("kube-scheduler")) return "scheduler";
  if (name.includes("scheduler")) return "scheduler_extension";
  if (name.includes("metrics") || name.includes("monitor")) return "node_metrics";
  if (name.includes("operator")) return "operator";
  return "other";
}

// Phrases in a heading that name a component by its role. Order matters: "scheduler extension"
// before any other scheduler, "operator bundle" before "operator image".
const ROLE_PHRASES: ReadonlyArray<[RegExp, ComponentRole]> = [
  [/\bnode[ -]metrics\b|\bneuron[ -]monitor\b/i, "node_metrics"],
  [/\bdevice[ -]plugin\b/i, "device_plugin"],
  [/\bscheduler[ -]extension\b|\bneuron[ -]scheduler\b/i, "scheduler_extension"],
  [/\bkube-scheduler\b|\b(?:eks|custom|kube|secondary)[ -]scheduler\b/i, "scheduler"],
  [/\bkernel[ -](?:driver|module)\b|\bkmod\b|\bneuron[ -]driver\b/i, "kmod_driver"],
  [/\boperator[ -]bundle\b|\bbundle[ -]image\b/i, "bundle"],
  [/\boperator[ -]image\b/i, "operator"],
];

/** The role phrases a heading uses, as written (e.g. "Node Metrics", "EKS Scheduler"). */
export function rolePhrasesIn(text: string): string[] {
  const found: string[] = [];
  for (const [pattern, role] of ROLE_PHRASES) {
    const match = pattern.exec(text);
    if (match && !found.some((phrase) => roleOfPhrase(phrase) === role)) found.push(match[0]);
  }
  return found;
}

function roleOfPhrase(phrase: string): ComponentRole | null {
  return ROLE_PHRASES.find(([pattern]) => pattern.test(phrase))?.[1] ?? null;
}

export type RoleCandidate = { slug: string; name: string; role: string; repository: string | null; redHat: boolean };

/**
 * The one component a role phrase means, or null when none or several could be meant. Among several
 * of that role, the phrase's other words decide ("EKS Scheduler" → the eks-distro repository), then
 * the vendor's own image beats Red Hat's (an item in the vendor's backlog is about its own images).
 */
export function componentForPhrase(phrase: string, candidates: RoleCandidate[]): RoleCandidate | null {
  const role = roleOfPhrase(phrase);
  if (!role) return null;
  let matching = candidates.filter((c) => c.role === role);
  if (matching.length > 1) {
    const words = phrase.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !ROLE_WORDS.has(w));
    const named = matching.filter((c) => words.some((w) => `${c.name} ${c.repository ?? ""}`.toLowerCase().includes(w)));
    if (named.length > 0) matching = named;
  }
  if (matching.length > 1) matching = matching.filter((c) => !c.redHat);
  return matching.length === 1 ? matching[0]! : null;
}

const ROLE_WORDS = new Set(["node", "metrics", "device", "plugin", "scheduler", "extension", "kernel", "driver", "module", "operator", "bundle", "image"]);
