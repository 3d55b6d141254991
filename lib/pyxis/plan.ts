import type { CertificationStatus, HOST_ACCESS } from "@/lib/components/schema";
import { currentGrade } from "./grades";
import type { CertificationStatus as PyxisStatus, PyxisImage, PyxisSnapshot } from "./schema";

// What one component's sync changes, decided from what is stored and what Red Hat's catalog answered.
// Pure: the rules have their own tests, and an online sync and a sync from an export file plan the
// same way. Red Hat owns the certification status, host-level access (its project's `privileged`),
// and each image's certified and published flags and health grade: its values win. A value a person
// set that Red Hat's differs from is overwritten, and reported as a conflict.

/** History's actor for every change a sync makes. */
export const RED_HAT = "Red Hat";

/** Pyxis' certification_status (certification-domain.md §3.3) → ours. */
export const PYXIS_STATUSES: Record<PyxisStatus, CertificationStatus> = {
  Started: "started",
  "Certification Checklist In Progress": "checklist_in_progress",
  "Certification Tests In Progress": "tests_in_progress",
  "In Progress": "in_progress",
  "Ready For Certification": "ready_for_certification",
  "Certification Completed": "certification_completed",
  "Waiting for Container Image": "waiting_for_container_image",
  Published: "published",
  Unpublished: "unpublished",
};

/** The fields of a component Red Hat owns, and their values before anyone set them. */
export const OWNED_DEFAULTS = { certificationStatus: "not_created", hostAccess: "unprivileged" } as const;
export type OwnedField = keyof typeof OWNED_DEFAULTS;

export type StoredImage = {
  id: string;
  digest: string;
  architecture: string;
  tags: string[];
  redHatId: string | null;
  certified: boolean | null;
  published: boolean | null;
  grade: string | null;
  gradeSince: Date | null;
  gradeUntil: Date | null;
};

export type StoredComponent = {
  slug: string;
  certificationStatus: CertificationStatus;
  hostAccess: (typeof HOST_ACCESS)[number];
  images: StoredImage[];
  /** Who set each owned field last, from the component's history (null: no record). */
  lastSetBy: Record<OwnedField, string | null>;
};

export type FieldChange = { field: OwnedField; from: string; to: string };
export type Conflict = { field: OwnedField; personValue: string; setBy: string; redHatValue: string };
/** An image as Red Hat lists it, to be written (id null: a new row, an image no run here has seen). */
export type ImageWrite = {
  id: string | null;
  digest: string;
  architecture: string;
  tags: string[];
  redHatId: string;
  certified: boolean | null;
  published: boolean;
  grade: string | null;
  gradeSince: Date | null;
  gradeUntil: Date | null;
};
export type ImageChange = { image: string; field: "certified" | "published" | "grade" | "listed"; from: string | null; to: string | null };

/** What the component board and the readiness view show as Red Hat's, stored on the component. */
export type RedHatFacts = {
  projectId: string;
  fetchedAt: string;
  certificationStatus: string;
  projectStatus: string | null;
  privileged: boolean | null;
  osContentType: string | null;
  registry: string | null;
  repository: string | null;
  /** Preflight results submitted to the project (CTR-15's evidence), newest first. */
  testResults: { architecture: string | null; version: string | null; passed: boolean; at: string | null }[];
};

export type SyncPlan = {
  changes: FieldChange[];
  conflicts: Conflict[];
  images: ImageWrite[];
  /** Images stored as Red Hat's that its catalog no longer lists: their Red Hat fields are cleared. */
  unlisted: string[];
  imageChanges: ImageChange[];
  facts: RedHatFacts;
};

const imageName = (digest: string, architecture: string) => `${digest.replace(/^sha256:/, "").slice(0, 12)} (${architecture})`;

/** A status outside §3.3 never gets here: the answer's schema refuses it as malformed. */
function ownedValues(snapshot: PyxisSnapshot): Partial<Record<OwnedField, string>> {
  const status = PYXIS_STATUSES[snapshot.project.certification_status];
  const privileged = snapshot.project.container?.privileged;
  return { certificationStatus: status, ...(privileged !== undefined && { hostAccess: privileged ? "privileged" : "unprivileged" }) };
}

function imageFacts(image: PyxisImage, now: Date) {
  const grade = currentGrade(image, now);
  return {
    tags: [...new Set(image.repositories.flatMap((r) => (r.tags ?? []).map((t) => t.name)))],
    certified: image.certified ?? null,
    published: image.repositories.some((r) => r.published === true),
    grade: grade?.grade ?? null,
    gradeSince: grade ? new Date(grade.since) : null,
    gradeUntil: grade?.until ? new Date(grade.until) : null,
  };
}

function planImages(stored: StoredImage[], listed: PyxisImage[], now: Date): Pick<SyncPlan, "images" | "unlisted" | "imageChanges"> {
  const byKey = new Map(stored.map((image) => [`${image.digest}\u0000${image.architecture}`, image]));
  const images: ImageWrite[] = [];
  const imageChanges: ImageChange[] = [];
  const seen = new Set<string>();
  for (const image of listed) {
    if (image.deleted || !image.docker_image_digest) continue;
    const key = `${image.docker_image_digest}\u0000${image.architecture}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const current = byKey.get(key);
    const facts = imageFacts(image, now);
    const name = imageName(image.docker_image_digest, image.architecture);
    const tags = current ? [...new Set([...current.tags, ...facts.tags])] : facts.tags;
    images.push({ id: current?.id ?? null, digest: image.docker_image_digest, architecture: image.architecture, redHatId: image._id, ...facts, tags });
    if (!current?.redHatId) imageChanges.push({ image: name, field: "listed", from: null, to: "listed" });
    const text = (v: boolean | string | null | undefined) => (v === null || v === undefined ? null : String(v));
    for (const field of ["certified", "published", "grade"] as const) {
      const before = current?.redHatId ? text(current[field]) : null;
      const after = text(facts[field]);
      if (before !== after && (current?.redHatId || after !== null)) imageChanges.push({ image: name, field, from: before, to: after });
    }
  }
  const unlisted = stored.filter((image) => image.redHatId && !seen.has(`${image.digest}\u0000${image.architecture}`));
  for (const image of unlisted) imageChanges.push({ image: imageName(image.digest, image.architecture), field: "listed", from: "listed", to: null });
  return { images, unlisted: unlisted.map((image) => image.id), imageChanges };
}

function factsOf(snapshot: PyxisSnapshot): RedHatFacts {
  const archOf = new Map(snapshot.images.map((image) => [image._id, image.architecture]));
  const { project } = snapshot;
  return {
    projectId: snapshot.projectId,
    fetchedAt: snapshot.fetchedAt,
    certificationStatus: project.certification_status,
    projectStatus: project.project_status ?? null,
    privileged: project.container?.privileged ?? null,
    osContentType: project.container?.os_content_type ?? null,
    registry: project.container?.registry ?? null,
    repository: project.container?.repository ?? null,
    testResults: snapshot.testResults
      .map((result) => ({
        architecture: (result.image_id && archOf.get(result.image_id)) ?? null,
        version: result.version ?? null,
        passed: result.passed,
        at: result.creation_date ?? null,
      }))
      .sort((a, b) => (b.at ?? "").localeCompare(a.at ?? "")),
  };
}

/** The sync of one component: what changes, what conflicts, which images to write. */
export function planSync(component: StoredComponent, snapshot: PyxisSnapshot, now: Date): SyncPlan {
  const owned = ownedValues(snapshot);
  const changes: FieldChange[] = [];
  const conflicts: Conflict[] = [];
  for (const field of Object.keys(OWNED_DEFAULTS) as OwnedField[]) {
    const redHatValue = owned[field];
    const current = component[field];
    if (redHatValue === undefined || redHatValue === current) continue;
    changes.push({ field, from: current, to: redHatValue });
    // Red Hat changing its own earlier value, or a value nobody set, is news; a person's value it overrides is a conflict.
    const setBy = component.lastSetBy[field];
    if (setBy !== RED_HAT && current !== OWNED_DEFAULTS[field]) {
      conflicts.push({ field, personValue: current, setBy: setBy ?? "someone (before history was kept)", redHatValue });
    }
  }
  return { changes, conflicts, ...planImages(component.images, snapshot.images, now), facts: factsOf(snapshot) };
}
