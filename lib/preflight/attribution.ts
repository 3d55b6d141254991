import { repositoryKey, type ImageRef } from "@/lib/components/image-ref";

// Which component a run is evidence for, when someone names one: evidence never attaches where a
// person did not intend it. A component registered for another repository refuses the run unless
// the uploader forces it (the run then says so for good); a component with no repository yet
// adopts the run's; a run whose image cannot be read is attached as asked, with a warning.

type RegisteredComponent = { slug: string; registry: string | null; repository: string | null };

export type Attachment =
  | { kind: "attach"; note: string | null }
  | { kind: "adopt"; note: string }
  | { kind: "forced"; note: string }
  | { kind: "mismatch"; message: string; details: { component: string; componentRepository: string; runRepository: string } };

export function decideAttachment(component: RegisteredComponent, image: Pick<ImageRef, "registry" | "repository"> | null, options: { force: boolean; by: string; label: string }): Attachment {
  if (!image) return { kind: "attach", note: `${options.label}: the run names no image Certboard can read; attached to ${component.slug} as asked.` };
  const runRepository = repositoryKey(image);
  if (!component.registry || !component.repository) {
    return { kind: "adopt", note: `${options.label}: ${component.slug} had no registered repository; it now has ${runRepository}, from this run.` };
  }
  const componentRepository = repositoryKey({ registry: component.registry, repository: component.repository });
  if (componentRepository === runRepository) return { kind: "attach", note: null };
  if (options.force) {
    return {
      kind: "forced",
      note: `Attached to ${component.slug} by hand by ${options.by} (force), although its image ${runRepository} is not the component's repository ${componentRepository}.`,
    };
  }
  return {
    kind: "mismatch",
    message: `${options.label}: the run is of ${runRepository}, but component ${component.slug} is ${componentRepository}. Nothing was stored. Name the right component, or pass force=true (CLI --force) to attach it anyway.`,
    details: { component: component.slug, componentRepository, runRepository },
  };
}
