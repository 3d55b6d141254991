import { MULTI_DOCUMENT_NOTE, PATH_ARCHITECTURE_NOTE } from "./build-run";
import { canonicalRepository } from "./preflight-image";
import type { CertImage, ParsedRun } from "./schema";

// Pairs a run with the cert-image.json written beside it. The cert image is authoritative for
// architecture and digest (format doc edge cases 10–11); disagreements become warnings rather
// than refusals, because a renamed or re-tagged upload should still import.

export function attachCertImage(run: ParsedRun, certImage: CertImage): ParsedRun {
  const warnings = certImage.architecture
    ? run.warnings.filter((warning) => warning !== PATH_ARCHITECTURE_NOTE && warning !== MULTI_DOCUMENT_NOTE)
    : [...run.warnings];
  if (run.architecture && certImage.architecture && run.architecture !== certImage.architecture) {
    warnings.push(`The path said ${run.architecture}, cert-image.json says ${certImage.architecture}; cert-image.json wins.`);
  }
  if (run.image && certImage.registry && certImage.repository) {
    const tested = canonicalRepository(run.image.registry, run.image.repository);
    const described = canonicalRepository(certImage.registry, certImage.repository);
    if (tested !== described) warnings.push(`cert-image.json describes ${described}, but the run tested ${tested}.`);
  }
  const digest = run.image?.digest;
  if (digest && certImage.digest && digest !== certImage.digest && digest !== certImage.manifestListDigest) {
    warnings.push(`The run's image digest ${digest} matches neither digest in cert-image.json.`);
  }
  return {
    ...run,
    architecture: certImage.architecture ?? run.architecture,
    architectureSource: certImage.architecture ? "cert-image" : run.architectureSource,
    imageDigest: certImage.digest ?? run.imageDigest,
    manifestListDigest: certImage.manifestListDigest ?? run.manifestListDigest,
    warnings,
  };
}
