// Which certification requirement each preflight check verifies (catalog: shared/docs/
// certification-domain.md §2), in our own words. A failing check becomes backlog work for its
// requirement on that component; at most one item per (component, requirement).

export type Requirement = { code: string; title: string };

const BY_CHECK = new Map<string, Requirement>([
  ["BasedOnUbi", { code: "CTR-01", title: "Image is built on a Red Hat Universal Base Image" }],
  ["HasNoProhibitedPackages", { code: "CTR-02", title: "No kernel or boot packages in the image" }],
  ["HasModifiedFiles", { code: "CTR-03", title: "Files installed by Red Hat packages are unmodified" }],
  ["HasLicense", { code: "CTR-04", title: "License terms are shipped in /licenses" }],
  ["LayerCountAcceptable", { code: "CTR-05", title: "Image has at most 40 layers" }],
  ["HasRequiredLabel", { code: "CTR-06", title: "Required image labels are present" }],
  ["HasNoProhibitedLabels", { code: "CTR-07", title: "Image labels do not use Red Hat trademarks" }],
  ["HasProhibitedContainerName", { code: "CTR-08", title: "Repository name does not use Red Hat trademarks" }],
  ["HasUniqueTag", { code: "CTR-09", title: "Image has a tag other than latest" }],
  ["RunAsNonRoot", { code: "CTR-10", title: "Image runs as a non-root user" }],
  ["BundleImageRefsAreCertified", { code: "OPB-01", title: "Every image the bundle references is certified" }],
  ["ValidateOperatorBundle", { code: "OPB-02", title: "Operator bundle passes bundle validation" }],
  ["DeployableByOLM", { code: "OPB-03", title: "Operator installs with OLM" }],
  ["RequiredAnnotations", { code: "OPB-04", title: "CSV carries the infrastructure-feature annotations" }],
  ["AllImageRefsInRelatedImages", { code: "OPB-10", title: "relatedImages lists every image the operator needs" }],
  ["FollowsRestrictedNetworkEnablementGuidelines", { code: "OPB-12", title: "Operator works in restricted networks" }],
  // Removed in preflight 1.20; kept so historical runs still map to work.
  ["ScorecardBasicSpecCheck", { code: "OPB-02", title: "Operator passes the scorecard basic checks" }],
  ["ScorecardOlmSuiteCheck", { code: "OPB-03", title: "Operator passes the scorecard OLM suite" }],
]);

export function requirementForCheck(canonicalName: string): Requirement | null {
  return BY_CHECK.get(canonicalName) ?? null;
}
