/**
 * Renders a kustomization of the subset deploy/kubernetes uses, for its tests: `resources` (files,
 * or folders holding a kustomization.yaml), JSON6902 `patches` (inline `patch` or `path`, applied
 * with fast-json-patch) and `images` (newName, newTag). No kustomize package exists for Node, and
 * the real one is a Go binary; any other field throws, so the manifests cannot come to depend on a
 * feature this renderer would silently skip. `kubectl kustomize` renders the same output.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import jsonpatch, { type Operation } from "fast-json-patch";
import { parse, parseAllDocuments } from "yaml";

export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; [key: string]: unknown }; [key: string]: unknown };

type Target = { group?: string; version?: string; kind?: string; name?: string };
type Kustomization = {
  resources?: string[];
  patches?: { target: Target; patch?: string; path?: string }[];
  images?: { name: string; newName?: string; newTag?: string }[];
};

const SUPPORTED = new Set(["apiVersion", "kind", "resources", "patches", "images"]);

function matches(object: K8sObject, target: Target): boolean {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  return (
    (target.group === undefined || target.group === group) &&
    (target.version === undefined || target.version === version) &&
    (target.kind === undefined || target.kind === object.kind) &&
    (target.name === undefined || target.name === object.metadata.name)
  );
}

/** Every container list of a workload (Deployment, Job, …: spec.template.spec; a Pod: spec). */
function containersOf(object: K8sObject): { image?: string }[] {
  const spec = object.spec as { template?: { spec?: PodSpec } } & PodSpec | undefined;
  const pod = spec?.template?.spec ?? spec;
  return [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])];
}
type PodSpec = { containers?: { image?: string }[]; initContainers?: { image?: string }[] };

function setImages(objects: K8sObject[], images: NonNullable<Kustomization["images"]>) {
  for (const container of objects.flatMap(containersOf)) {
    if (!container.image) continue;
    const name = container.image.replace(/[:@].*$/, "");
    const rule = images.find((i) => i.name === name);
    if (!rule) continue;
    const tag = container.image.match(/:([^/]+)$/)?.[1];
    container.image = `${rule.newName ?? name}${rule.newTag ?? tag ? `:${rule.newTag ?? tag}` : ""}`;
  }
}

/** The objects the kustomization in `dir` produces, in order. */
export function renderKustomization(dir: string): K8sObject[] {
  const file = path.join(dir, "kustomization.yaml");
  const k = parse(readFileSync(file, "utf8")) as Kustomization & Record<string, unknown>;
  const unsupported = Object.keys(k).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length) throw new Error(`${file}: ${unsupported.join(", ")} not supported by deploy/kustomize.ts`);

  const objects: K8sObject[] = [];
  for (const resource of k.resources ?? []) {
    const full = path.join(dir, resource);
    if (statSync(full).isDirectory()) objects.push(...renderKustomization(full));
    else objects.push(...parseAllDocuments(readFileSync(full, "utf8")).map((d) => d.toJS() as K8sObject).filter(Boolean));
  }
  for (const patch of k.patches ?? []) {
    const text = patch.patch ?? readFileSync(path.join(dir, patch.path!), "utf8");
    const ops = parse(text) as Operation[];
    if (!Array.isArray(ops)) throw new Error(`${file}: only JSON6902 patches (a list of operations) are supported`);
    const hits = objects.filter((o) => matches(o, patch.target));
    if (hits.length === 0) throw new Error(`${file}: a patch targets nothing (${JSON.stringify(patch.target)})`);
    for (const hit of hits) jsonpatch.applyPatch(hit, ops, true, true);
  }
  if (k.images) setImages(objects, k.images);
  return objects;
}
