// What each preflight check means in the words people write in a backlog ("UBI Base Image Usage",
// "Layer Count", "Image Naming"), so an item that states a check's outcome in prose is linked to
// the check itself: its regression then reopens that item instead of opening a new one. Check
// names are preflight's own identifiers (certification-domain.md §2); the phrases are ours.

/** `noun`: what the check is about, read before "fails" in a title ("bundle validation fails"). */
export type CheckMeaning = { name: string; scope: "container" | "operator"; title: string; noun: string; synonyms: RegExp[] };

// In the order the importer has always listed a mentioned item's checks.
export const CHECK_MEANINGS: readonly CheckMeaning[] = [
  { name: "HasLicense", scope: "container", title: "License terms in /licenses", noun: "license check", synonyms: [/\blicen[cs]es?\b/i] },
  { name: "HasNoProhibitedLabels", scope: "container", title: "No Red Hat trademarks in labels", noun: "trademark check of the labels", synonyms: [/\bprohibited labels?\b/i, /\btrademarks? in (?:the )?labels?\b/i] },
  { name: "HasUniqueTag", scope: "container", title: "A tag other than latest", noun: "unique tag check", synonyms: [/\bunique tag\b/i] },
  { name: "LayerCountAcceptable", scope: "container", title: "At most 40 layers", noun: "layer count check", synonyms: [/\blayer count\b/i, /\b(?:number of|too many) layers\b/i] },
  { name: "HasNoProhibitedPackages", scope: "container", title: "No prohibited or kernel packages", noun: "prohibited packages check", synonyms: [/\bprohibited packages?\b/i, /\bkernel packages?\b/i] },
  { name: "RunAsNonRoot", scope: "container", title: "Runs as a non-root user", noun: "non-root user check", synonyms: [/\bnon-?root\b/i] },
  { name: "BasedOnUbi", scope: "container", title: "Built on a Red Hat Universal Base Image", noun: "UBI base image check", synonyms: [/\bubi\b/i, /\buniversal base image\b/i] },
  { name: "HasModifiedFiles", scope: "container", title: "Red Hat's files are not modified", noun: "modified files check", synonyms: [/\bmodified\b.*\bfiles?\b/i] },
  { name: "HasRequiredLabel", scope: "container", title: "Required labels present", noun: "required labels check", synonyms: [/\brequired labels?\b/i, /\bmissing labels?\b/i] },
  { name: "HasProhibitedContainerName", scope: "container", title: "No Red Hat trademarks in the image name", noun: "trademark check of the image name", synonyms: [/\bimage nam(?:e|ing)\b/i, /\bcontainer nam(?:e|ing)\b/i] },
  { name: "ValidateOperatorBundle", scope: "operator", title: "Bundle passes validation", noun: "bundle validation", synonyms: [/\bbundle validation\b/i] },
  { name: "DeployableByOLM", scope: "operator", title: "Installs with OLM", noun: "OLM deployment", synonyms: [/\bdeployable by olm\b/i, /\binstalls? (?:with|by) olm\b/i] },
  { name: "RequiredAnnotations", scope: "operator", title: "Infrastructure-feature annotations present", noun: "required annotations check", synonyms: [/\brequired annotations\b/i, /\binfrastructure[- ]feature annotations\b/i] },
];

/** Every check name above, for finding literal mentions ("HasLicense check FAILED"). */
export const CHECK_NAMES: readonly string[] = CHECK_MEANINGS.map((meaning) => meaning.name);

/** The checks a short text (a heading) states by meaning; literal names are found separately. */
export function checksMeantBy(text: string): string[] {
  return CHECK_MEANINGS.filter((meaning) => meaning.synonyms.some((pattern) => pattern.test(text))).map((meaning) => meaning.name);
}

/** "Operator bundle: bundle validation fails (ValidateOperatorBundle)": the title of an item a run opens. */
export function failedCheckTitle(component: string, check: string, outcome: "failed" | "errored"): string {
  const meaning = CHECK_MEANINGS.find((m) => m.name === check);
  const verb = outcome === "errored" ? "ends in an error" : "fails";
  return meaning ? `${component}: ${meaning.noun} ${verb} (${check})` : `${component}: ${check} ${verb}`;
}
