import { normalizeImageRef, parseImageRef, type ImageRef } from "@/lib/components/image-ref";

import type { RunImage } from "./schema";

// results.json `image` is exactly what the user typed. parseImageRef reads it, with three gaps
// for this input that are closed here rather than in image-ref.ts: it refuses a bare Docker Hub
// name ("ubuntu", prose to the backlog, a valid reference to preflight), it keeps Docker Hub
// aliases such as index.docker.io (cert-image.json's spelling) apart from docker.io, and it
// accepts the backlog's wildcard tag "*", which preflight cannot have tested.

export type ReadImage = { image: RunImage | null; warnings: string[] };

const DOCKER_HUB = "docker.io";
const DOCKER_HUB_ALIASES = new Set(["index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"]);
// parseImageRef takes any first segment with "." or ":" as the registry without checking it.
const REGISTRY_HOST = /^(?:localhost|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(?::\d{1,5})?$/;
const BARE_NAME = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/** Docker Hub spells its registry several ways; the canonical one is docker.io. */
export function canonicalRegistry(registry: string): string {
  const lower = registry.toLowerCase();
  return DOCKER_HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}

/** Registry and repository as one comparable key, with Docker Hub aliases and library/ applied. */
export function canonicalRepository(registry: string, repository: string): string {
  const host = canonicalRegistry(registry);
  return `${host}/${hubPath(host, repository)}`.toLowerCase();
}

function hubPath(host: string, repository: string): string {
  return host === DOCKER_HUB && !repository.includes("/") ? `library/${repository}` : repository;
}

export function readRunImage(raw: string | null): ReadImage {
  const text = raw?.trim() ?? "";
  if (!text) return { image: null, warnings: ["The results name no image."] };
  const ref = parseImageRef(text) ?? (BARE_NAME.test(text) ? parseImageRef(`${text}:latest`) : null);
  const refused = `The image "${text.slice(0, 200)}" is not a valid image reference; it is kept as typed only.`;
  if (!ref || ref.tag === "*") return { image: null, warnings: [refused] };
  const hostPart = text.split("/")[0] ?? "";
  if (ref.registry !== DOCKER_HUB && !REGISTRY_HOST.test(hostPart.toLowerCase())) {
    return { image: null, warnings: [refused] };
  }
  return { image: toRunImage(text, ref), warnings: [] };
}

function toRunImage(raw: string, ref: ImageRef): RunImage {
  const registry = canonicalRegistry(ref.registry);
  const repository = hubPath(registry, ref.repository);
  // Preflight (like docker pull) tests :latest when the reference has neither tag nor digest.
  const tag = ref.tag ?? (ref.digest ? null : "latest");
  const normalized = normalizeImageRef({ raw, registry, repository, tag, digest: ref.digest });
  return { raw, normalized, registry, repository, tag, digest: ref.digest ? ref.digest.toLowerCase() : null };
}
