/**
 * Synthetic preflight results in the shape preflight 1.8–1.21 writes (shared/docs/preflight-format.md
 * §2.1): `image`, `passed`, `test_library`, `results.{passed,failed,errors}`, four-space indent and a
 * trailing newline; failed entries carry help, suggestion and both URLs, errored ones only help.
 * The container policy's ten checks, in the order preflight runs them; texts are our own, of
 * similar length. More than ten checks adds names preflight does not know (stored as unknown).
 */

const KB = "https://access.redhat.com/documentation/en-us/red_hat_software_certification/2025/html/red_hat_software_certification_policy_guide/assembly-requirements-for-container-images_openshift-sw-cert-policy-introduction";

/** name, description, typical elapsed milliseconds */
export const CONTAINER_CHECKS = Object.freeze([
  ["HasLicense", "Checks that the license terms of the software, open source licenses included, are shipped in the image under /licenses.", 0],
  ["HasUniqueTag", "Checks that the image has a tag other than 'latest', so that a given build can be identified and pulled again later.", 0],
  ["LayerCountAcceptable", "Checks that the image has fewer than 40 layers, because deep layer stacks slow down pulls and container start-up.", 0],
  ["HasNoProhibitedPackages", "Checks that the image does not install packages Red Hat does not allow to be redistributed, such as RHEL kernel packages.", 110],
  ["HasRequiredLabel", "Checks that the labels name, vendor, version, release, summary, description and maintainer are set in the image metadata.", 0],
  ["HasNoProhibitedLabels", "Checks that the name, vendor and maintainer labels do not misuse Red Hat trademarks.", 0],
  ["RunAsNonRoot", "Checks that the image declares a non-root user, since an image running as root needs a manual review before it can be published.", 0],
  ["HasModifiedFiles", "Checks that files installed by RPM packages of the Red Hat base layer were not modified by later layers.", 5100],
  ["BasedOnUbi", "Checks that the base image of the container is a Red Hat Universal Base Image (UBI).", 830],
  ["HasProhibitedContainerName", "Checks that the container name does not misuse Red Hat trademarks.", 0],
]);

/**
 * The checks of a run with `count` checks: the container policy, then unknown future ones.
 * @param {number} count
 * @returns {{ name: string, description: string, baseMs: number, help: string, suggestion: string, url: string }[]}
 */
export function benchChecks(count) {
  const list = [];
  for (let k = 0; k < count; k++) {
    const known = CONTAINER_CHECKS[k];
    const [name, description, baseMs] = known ?? [`BenchFutureCheck${String(k + 1).padStart(2, "0")}`, `A check a future preflight may add (number ${k + 1}), kept as written.`, 10];
    list.push({
      name,
      description,
      baseMs,
      help: `Check ${name} encountered an error. Please review the preflight.log file for more information.`,
      suggestion: `Change the image so that ${name} passes, then run preflight again.`,
      url: KB,
    });
  }
  return list;
}

export const PREFLIGHT_LIBRARY = "github.com/redhat-openshift-ecosystem/openshift-preflight";

/**
 * One results.json document.
 * @param {{ image: string, version: string, commit: string, checks: { name: string, description: string, help: string, suggestion: string, url: string, outcome: "passed" | "failed" | "errored", elapsedMs: number }[] }} run
 * @returns {string}
 */
export function resultsJson(run) {
  const passed = [];
  const failed = [];
  const errors = [];
  for (const c of run.checks) {
    if (c.outcome === "passed") passed.push({ name: c.name, elapsed_time: c.elapsedMs, description: c.description });
    else if (c.outcome === "failed") {
      failed.push({ name: c.name, elapsed_time: c.elapsedMs, description: c.description, help: c.help, suggestion: c.suggestion, knowledgebase_url: c.url, check_url: c.url });
    } else errors.push({ name: c.name, elapsed_time: c.elapsedMs, description: c.description, help: c.help });
  }
  const doc = {
    image: run.image,
    passed: failed.length === 0 && errors.length === 0,
    test_library: { name: PREFLIGHT_LIBRARY, version: run.version, commit: run.commit },
    results: { passed, failed, errors },
  };
  return `${JSON.stringify(doc, null, 4)}\n`;
}

/**
 * The document the ingest phases upload as run number `n`: consecutive runs go to different
 * components (so concurrent uploads are for different components, as many pipelines send them),
 * then to the next architecture, then to the next build tag; every elapsed time differs, so every
 * document is distinct content. HasNoProhibitedLabels fails (as in the genuine 1.16.0 fixture),
 * everything else passes.
 * @param {number} n
 * @param {{ components: string[], archs: string[], checks: number, firstBuild: number }} plan
 */
export function ingestRun(n, plan) {
  const slug = /** @type {string} */ (plan.components[n % plan.components.length]);
  const round = Math.floor(n / plan.components.length);
  const arch = /** @type {string} */ (plan.archs[round % plan.archs.length]);
  const build = plan.firstBuild + Math.floor(round / plan.archs.length);
  const tag = `1.0.${build}`;
  const image = `quay.io/certboard-bench/${slug}:${tag}`;
  const checks = benchChecks(plan.checks).map((c, k) => ({
    ...c,
    outcome: /** @type {const} */ (c.name === "HasNoProhibitedLabels" ? "failed" : "passed"),
    elapsedMs: c.baseMs + ((n * 31 + k * 7) % 97),
  }));
  const body = resultsJson({ image, version: "1.21.0", commit: "3f4e1c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f", checks });
  return { slug, arch, tag, image, checks, body };
}
