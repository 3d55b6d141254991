import { describe, expect, it } from "vitest";
import { planSync, RED_HAT, type StoredComponent, type StoredImage } from "./plan";
import type { PyxisImage, PyxisSnapshot } from "./schema";

const NOW = new Date("2026-12-06T12:00:00Z");

function snapshot(overrides: Partial<PyxisSnapshot["project"]> = {}, images: PyxisImage[] = [], testResults: PyxisSnapshot["testResults"] = []): PyxisSnapshot {
  return {
    projectId: "6a1b2c3d4e5f60718293a4b5",
    fetchedAt: NOW.toISOString(),
    project: { _id: "6a1b2c3d4e5f60718293a4b5", certification_status: "In Progress", container: { privileged: false }, ...overrides } as unknown as PyxisSnapshot["project"],
    images,
    testResults,
  };
}

function listed(digest: string, architecture: string, options: { grade?: string; published?: boolean; tags?: string[]; deleted?: boolean } = {}): PyxisImage {
  return {
    _id: `img-${digest}-${architecture}`,
    docker_image_digest: `sha256:${digest}`,
    architecture,
    certified: true,
    deleted: options.deleted,
    repositories: [{ published: options.published ?? true, tags: (options.tags ?? ["v1"]).map((name) => ({ name })) }],
    freshness_grades: options.grade ? [{ grade: options.grade, start_date: "2026-12-01T00:00:00Z", end_date: null }] : [],
  } as PyxisImage;
}

const stored = (overrides: Partial<StoredComponent> = {}): StoredComponent => ({
  slug: "operator",
  certificationStatus: "not_created",
  hostAccess: "unprivileged",
  images: [],
  lastSetBy: { certificationStatus: null, hostAccess: null },
  ...overrides,
});

const storedImage = (overrides: Partial<StoredImage>): StoredImage => ({
  id: "image-1",
  digest: "sha256:aaa",
  architecture: "amd64",
  tags: ["from-run"],
  redHatId: null,
  certified: null,
  published: null,
  grade: null,
  gradeSince: null,
  gradeUntil: null,
  ...overrides,
});

describe("planning a component's sync", () => {
  it("takes Red Hat's status and host access; a value nobody set is news, not a conflict", () => {
    const plan = planSync(stored(), snapshot({ certification_status: "Published", container: { privileged: true } } as Partial<PyxisSnapshot["project"]>), NOW);
    expect(plan.changes).toEqual([
      { field: "certificationStatus", from: "not_created", to: "published" },
      { field: "hostAccess", from: "unprivileged", to: "privileged" },
    ]);
    expect(plan.conflicts).toEqual([]);
  });

  it("reports a conflict when it overrides a value a person set, but not one Red Hat set before", () => {
    const byPerson = planSync(stored({ certificationStatus: "published", lastSetBy: { certificationStatus: "Erin", hostAccess: null } }), snapshot(), NOW);
    expect(byPerson.conflicts).toEqual([{ field: "certificationStatus", personValue: "published", setBy: "Erin", redHatValue: "in_progress" }]);
    const byRedHat = planSync(stored({ certificationStatus: "published", lastSetBy: { certificationStatus: RED_HAT, hostAccess: null } }), snapshot(), NOW);
    expect(byRedHat.changes).toHaveLength(1);
    expect(byRedHat.conflicts).toEqual([]);
    // A value with no history (set before history was kept) is treated as a person's.
    const unknown = planSync(stored({ hostAccess: "privileged" }), snapshot(), NOW);
    expect(unknown.conflicts).toEqual([{ field: "hostAccess", personValue: "privileged", setBy: "someone (before history was kept)", redHatValue: "unprivileged" }]);
  });

  it("leaves host access alone when Red Hat does not say, and changes nothing when it agrees", () => {
    const plan = planSync(stored({ certificationStatus: "in_progress", hostAccess: "privileged" }), snapshot({ container: undefined }), NOW);
    expect(plan.changes).toEqual([]);
    expect(plan.conflicts).toEqual([]);
  });

  it("keeps Red Hat's images per digest and architecture, merges tags with a run's, skips deleted ones and clears ones no longer listed", () => {
    const images = [
      storedImage({ id: "seen", digest: "sha256:aaa", architecture: "amd64", tags: ["from-run"] }),
      storedImage({ id: "gone", digest: "sha256:old", architecture: "arm64", redHatId: "img-old", grade: "A", published: true, certified: true }),
    ];
    const plan = planSync(
      stored({ images }),
      snapshot({}, [listed("aaa", "amd64", { grade: "C", tags: ["v1", "latest"] }), listed("bbb", "arm64", { grade: "A", published: false }), listed("ccc", "amd64", { deleted: true })]),
      NOW,
    );
    expect(plan.images.map((i) => [i.id, i.digest, i.architecture, i.tags, i.grade, i.published])).toEqual([
      ["seen", "sha256:aaa", "amd64", ["from-run", "v1", "latest"], "C", true],
      [null, "sha256:bbb", "arm64", ["v1"], "A", false],
    ]);
    expect(plan.unlisted).toEqual(["gone"]);
    expect(plan.imageChanges).toEqual(
      expect.arrayContaining([
        { image: "aaa (amd64)", field: "listed", from: null, to: "listed" },
        { image: "aaa (amd64)", field: "grade", from: null, to: "C" },
        { image: "old (arm64)", field: "listed", from: "listed", to: null },
      ]),
    );
  });

  it("records a grade change of an image Red Hat listed before, and nothing for an unchanged one", () => {
    const before = storedImage({ redHatId: "img-aaa-amd64", certified: true, published: true, grade: "A", tags: ["v1"] });
    const same = planSync(stored({ images: [before] }), snapshot({}, [listed("aaa", "amd64", { grade: "A" })]), NOW);
    expect(same.imageChanges).toEqual([]);
    const dropped = planSync(stored({ images: [before] }), snapshot({}, [listed("aaa", "amd64", { grade: "D" })]), NOW);
    expect(dropped.imageChanges).toEqual([{ image: "aaa (amd64)", field: "grade", from: "A", to: "D" }]);
  });

  it("keeps Red Hat's facts, with each submitted result's architecture from its image, newest first", () => {
    const plan = planSync(
      stored(),
      snapshot({ project_status: "active" }, [listed("aaa", "amd64"), listed("bbb", "arm64")], [
        { image_id: "img-aaa-amd64", passed: true, version: "1.12.1", creation_date: "2026-11-01T00:00:00Z" },
        { image_id: "img-bbb-arm64", passed: false, creation_date: "2026-11-03T00:00:00Z" },
        { image_id: "unknown", passed: true },
      ] as PyxisSnapshot["testResults"]),
      NOW,
    );
    expect(plan.facts).toMatchObject({ projectId: "6a1b2c3d4e5f60718293a4b5", certificationStatus: "In Progress", projectStatus: "active", privileged: false });
    expect(plan.facts.testResults).toEqual([
      { architecture: "arm64", version: null, passed: false, at: "2026-11-03T00:00:00Z" },
      { architecture: "amd64", version: "1.12.1", passed: true, at: "2026-11-01T00:00:00Z" },
      { architecture: null, version: null, passed: true, at: null },
    ]);
  });
});
