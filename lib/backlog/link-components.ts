import { parseImageRef, repositoryKey } from "@/lib/components/image-ref";
import { trimWordPunctuation } from "@/lib/linear-text";
import { CHECK_MEANINGS } from "@/lib/requirements/check-meaning";
import { isImageRef } from "./image-refs";
import type { ParsedItem, ParsedPhase } from "./schema";

// The components a document ties to an item beyond the images the item names itself. Two readings:
// - the implementation plan: a phase whose steps name an image ("make docker-build IMG=…/operator:
//   v0.1.4") and which lists items as its blockers links those items to that image, unless an item
//   names a component of its own (P0-2 is fixed by rebuilding the operator image; P0-6, "Node
//   Metrics …", is about node metrics although phase 1 lists it);
// - the document's own image: the one its Dockerfile builds, known from the items that name both the
//   Dockerfile and exactly one image. Items that name no component but point at that Dockerfile, and
//   compliant items about container checks, are about that image ("UBI Base Image Usage").
// Pure: the importer and the demo seed derive the same links from the same document.

const CONTAINER_CHECKS = new Set(CHECK_MEANINGS.filter((meaning) => meaning.scope === "container").map((meaning) => meaning.name));
const DOCKERFILE = /^dockerfile(?::[\d-]+)?$/i;
const namesDockerfile = (item: ParsedItem) => item.fileRefs.some((ref) => DOCKERFILE.test(ref.trim()));

/** Image references in the words and code of a plan step ("Rebuild: `make docker-build IMG=registry/repo:tag`"). */
function imageRefsInPlanText(text: string): string[] {
  return text
    .split(/[\s`]+/)
    .map((word) => trimWordPunctuation(word.replace(/^[A-Z_][A-Z0-9_]*=/, "")))
    .filter((word) => word.length > 0 && isImageRef(word));
}

const repositoryOf = (raw: string) => {
  const ref = parseImageRef(raw);
  return ref ? repositoryKey(ref) : null;
};

// A phase rebuilds one image or a few ("operator and its bundle"); steps naming more are a list of
// images (a mirroring plan, a catalog), not the image its blockers are about, so they link none.
// The cap also keeps the links a document can imply proportional to its length: every blocker of
// every phase times every image it names would otherwise grow with the square of the text.
export const MAX_PHASE_IMAGES = 16;

export function linkDocument(items: ParsedItem[], phases: ParsedPhase[]): ParsedItem[] {
  const ownsComponent = (item: ParsedItem) => item.imageRefs.length > 0 || item.componentHints.length > 0;
  const planRefs = new Map<string, Set<string>>();
  for (const phase of phases) {
    const refs = new Set(phase.tasks.flatMap((task) => task.details.flatMap(imageRefsInPlanText)));
    if (refs.size === 0 || refs.size > MAX_PHASE_IMAGES) continue;
    for (const key of phase.itemKeys) {
      const known = planRefs.get(key) ?? new Set<string>();
      for (const ref of refs) known.add(ref);
      planRefs.set(key, known);
    }
  }
  const linked = items.map((item) => (ownsComponent(item) ? item : { ...item, impliedRefs: [...(planRefs.get(item.key) ?? [])] }));

  // The image the document's Dockerfile builds: every item naming the Dockerfile and images must agree on one repository.
  const builds = linked
    .filter(namesDockerfile)
    .map((item) => [...item.imageRefs, ...item.impliedRefs].filter((ref) => repositoryOf(ref) !== null))
    .filter((refs) => refs.length > 0);
  const repositories = new Set(builds.flatMap((refs) => refs.map(repositoryOf)));
  const ownImage = repositories.size === 1 ? builds[0]![0]! : null;
  if (!ownImage) return linked;
  return linked.map((item) => {
    if (ownsComponent(item) || item.impliedRefs.length > 0) return item;
    const containerCompliance = item.category === "compliant" && item.checkNames.some((name) => CONTAINER_CHECKS.has(name));
    return namesDockerfile(item) || containerCompliance ? { ...item, impliedRefs: [ownImage] } : item;
  });
}
