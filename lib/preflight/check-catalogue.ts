// Every check name preflight has ever written into results.json, from the format research
// (shared/docs/preflight-format.md §4.2–4.3). Names are the stable identifiers; texts drift.
// A Map, not an object literal, so names like "constructor" or "__proto__" are just unknown.

export type CheckScope = "container" | "operator";

type CatalogueEntry = { scope: CheckScope; removed: boolean };

const CURRENT: ReadonlyArray<[string, CheckScope]> = [
  ["HasLicense", "container"],
  ["HasUniqueTag", "container"],
  ["LayerCountAcceptable", "container"],
  ["HasNoProhibitedPackages", "container"],
  ["HasRequiredLabel", "container"],
  ["HasNoProhibitedLabels", "container"],
  ["RunAsNonRoot", "container"],
  ["HasModifiedFiles", "container"],
  ["BasedOnUbi", "container"],
  ["HasProhibitedContainerName", "container"],
  ["DeployableByOLM", "operator"],
  ["ValidateOperatorBundle", "operator"],
  ["RequiredAnnotations", "operator"],
  // Optional-level checks: still run, hidden from results since 1.4.0, visible in older files.
  ["BundleImageRefsAreCertified", "operator"],
  ["SecurityContextConstraintsInCSV", "operator"],
  ["AllImageRefsInRelatedImages", "operator"],
  ["FollowsRestrictedNetworkEnablementGuidelines", "operator"],
];

// No longer produced by current preflight; expect them in historical uploads.
const REMOVED: ReadonlyArray<[string, CheckScope]> = [
  ["ScorecardBasicSpecCheck", "operator"], // removed in 1.20.0
  ["ScorecardOlmSuiteCheck", "operator"], // removed in 1.20.0
  ["OperatorPackageNameIsUnique", "operator"], // 0.0.x–1.0.1
  ["RelatedImagesAreSchemaVersion2", "operator"], // pre-release 2021
  ["HasMinimalVulnerabilities", "container"], // pre-release 2021
  ["RunnableContainer", "container"], // in 1.1–1.2 code, never in a released policy
  ["RunSystemContainer", "container"],
];

/** Old name → the name the same check has today. */
const RENAMED = new Map<string, string>([["HasNoProhibitedPackagesMounted", "HasNoProhibitedPackages"]]);

const CATALOGUE = new Map<string, CatalogueEntry>([
  ...CURRENT.map(([name, scope]): [string, CatalogueEntry] => [name, { scope, removed: false }]),
  ...REMOVED.map(([name, scope]): [string, CatalogueEntry] => [name, { scope, removed: true }]),
]);

export type CheckIdentity = {
  canonicalName: string;
  known: boolean;
  removed: boolean;
  scope: CheckScope | null;
};

/** Maps a name as written in a results file to its identity today; unknown names are kept as-is. */
export function identifyCheck(name: string): CheckIdentity {
  const canonicalName = RENAMED.get(name) ?? name;
  const entry = CATALOGUE.get(canonicalName);
  if (!entry) return { canonicalName, known: false, removed: false, scope: null };
  return { canonicalName, known: true, removed: entry.removed, scope: entry.scope };
}
