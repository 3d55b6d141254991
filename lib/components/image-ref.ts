import { replaceParenthesised } from "@/lib/linear-text";

// Container image references as people write them: tag, digest, tag plus digest, Docker Hub short
// form, a registry with a port, or a wildcard tag ("*") meaning "any tag of this repository".

export type ImageRef = {
  raw: string;
  registry: string;
  repository: string;
  tag: string | null;
  digest: string | null;
};

const DOCKER_HUB = "docker.io";
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-f0-9]{32,}$/i;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^(?:[\w][\w.-]{0,127}|\*)$/;

/** Parses an image reference; returns null for anything that is not one (prose, placeholders). */
export function parseImageRef(input: string): ImageRef | null {
  const raw = input.trim();
  if (!raw || /\s/.test(raw)) return null;

  let rest = raw;
  let digest: string | null = null;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return null;
  }

  let tag: string | null = null;
  const lastSlash = rest.lastIndexOf("/");
  const lastColon = rest.lastIndexOf(":");
  if (lastColon > lastSlash) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) return null;
  }

  const parts = rest.split("/");
  let registry = DOCKER_HUB;
  const first = parts[0] ?? "";
  if (parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost")) {
    registry = first.toLowerCase();
    parts.shift();
  }
  if (parts.length === 0 || !parts.every((p) => PATH_COMPONENT.test(p))) return null;
  if (registry === DOCKER_HUB && parts.length === 1) parts.unshift("library");
  // A bare word without registry, tag or digest is prose, not a reference.
  if (registry === DOCKER_HUB && !tag && !digest && !rest.includes("/")) return null;

  return { raw, registry, repository: parts.join("/"), tag, digest };
}

/** The repository identity used for matching: registry/repository, case-insensitive. */
export function repositoryKey(ref: Pick<ImageRef, "registry" | "repository">): string {
  return `${ref.registry}/${ref.repository}`.toLowerCase();
}

/** A canonical string for matching runs and references; the raw string is kept separately. */
export function normalizeImageRef(ref: ImageRef): string {
  let out = repositoryKey(ref);
  if (ref.tag) out += `:${ref.tag}`;
  if (ref.digest) out += `@${ref.digest.toLowerCase()}`;
  return out;
}

const GENERIC_NAMES = new Set(["operator", "bundle", "controller", "manager", "app", "image", "server"]);

/** A short, stable slug for a repository: its last path segment, qualified when that is generic. */
export function slugForRepository(repository: string): string {
  const parts = repository.split("/");
  const last = parts[parts.length - 1] ?? repository;
  const parent = parts[parts.length - 2];
  const base = GENERIC_NAMES.has(last) && parent ? `${parent}-${last}` : last;
  return slugify(base);
}

export function slugify(text: string): string {
  return (
    replaceParenthesised(text.toLowerCase())
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "component"
  );
}

/** Registries whose images Red Hat ships and certifies itself: nothing of the vendor's to do. */
export const RED_HAT_REGISTRIES: readonly string[] = ["registry.redhat.io", "registry.access.redhat.com"];

export function isRedHatRegistry(registry: string | null): boolean {
  return registry !== null && RED_HAT_REGISTRIES.includes(registry);
}
