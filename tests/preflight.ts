// Preflight documents as the customer's own images would produce them: the shared fixtures are
// genuine runs of other people's images, so tests that mean "a run of the operator image" put the
// operator image's reference in the document (attribution refuses a run of another repository).

/** The operator image the customer's backlog names (phase 1 rebuilds it as v0.1.4). */
export const OPERATOR_IMAGE = "public.ecr.aws/os-partners/neuron-openshift/operator:v0.1.4";

/** The same results document with another `image`, as preflight writes it (4-space JSON, final newline). */
export function asImage(document: Uint8Array | string | Record<string, unknown>, image: string = OPERATOR_IMAGE): string {
  const value = typeof document === "object" && !(document instanceof Uint8Array) ? structuredClone(document) : JSON.parse(Buffer.from(document).toString("utf8"));
  return `${JSON.stringify({ ...value, image }, null, 4)}\n`;
}
