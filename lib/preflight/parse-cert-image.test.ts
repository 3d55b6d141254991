import { describe, expect, it } from "vitest";

import { parseCertImageJson } from "./parse-cert-image";
import { FIXTURE, catchParseError, hasPreflightFixtures, jsonBytes, readPreflightFixture, utf8 } from "./test-support";

const DIGEST = `sha256:${"1".repeat(64)}`;

describe.skipIf(!hasPreflightFixtures)("parseCertImageJson on the genuine fixtures", () => {
  it("reads architecture, digests and the manifest list of the 1.12.1 multi-arch pair", () => {
    const [amd64, arm64] = [FIXTURE.multiAmd64CertImage, FIXTURE.multiArm64CertImage].map((name) => parseCertImageJson(readPreflightFixture(name)));
    expect(amd64).toMatchObject({
      architecture: "amd64",
      digest: "sha256:44d26a13a516893067f993e33c09fe774fc4720065a60b846bf4ee7d6cef65bf",
      configDigest: "sha256:77d04e0bca6bb0080e1c09412fbf07cfd69440d254f80c43436e5cac0e42a294",
      manifestListDigest: "sha256:b27024bf182b2409b044419d58c360f343ee7533e6898329074dcc1a3c8a0411",
      registry: "index.docker.io",
      repository: "mariadb/maxscale",
      tags: ["24.02.5-ubi"],
      pushDate: "2025-04-01T17:18:17Z",
      os: "linux",
      layerCount: 7,
      certified: false,
      warnings: [],
    });
    expect(arm64?.architecture).toBe("arm64");
    expect(arm64?.digest).not.toBe(amd64?.digest);
    expect(arm64?.manifestListDigest).toBe(amd64?.manifestListDigest);
  });

  it("keeps the labels of the failed 1.16.0 run, showing the offending maintainer", () => {
    const certImage = parseCertImageJson(readPreflightFixture(FIXTURE.failed116CertImage));
    expect(certImage.labels).toContainEqual({ name: "maintainer", value: "Red Hat, Inc." });
    expect(certImage.labels).toHaveLength(23);
    expect([certImage.registry, certImage.repository, certImage.manifestListDigest]).toEqual(["localhost:5000", "auditvision-ui", null]);
  });
});

describe("parseCertImageJson on synthetic input", () => {
  it("falls back to parsed_data.architecture and flags unsupported or conflicting ones", () => {
    expect(parseCertImageJson(jsonBytes({ docker_image_digest: DIGEST, parsed_data: { architecture: "ARM64" } })).architecture).toBe("arm64");
    const odd = parseCertImageJson(jsonBytes({ architecture: "riscv64", docker_image_digest: DIGEST, parsed_data: { architecture: "amd64" } }));
    expect(odd.architecture).toBe("riscv64");
    expect(odd.warnings).toHaveLength(2);
  });

  it("drops a malformed digest, bad labels and tags with warnings, never an error", () => {
    const certImage = parseCertImageJson(
      jsonBytes({
        docker_image_digest: "latest",
        parsed_data: { labels: [{ name: "a", value: "b" }, { name: 1 }, "x"], layers: "nope" },
        repositories: [{ tags: [{ name: "1.0" }, { nom: "x" }], registry: 5 }, {}],
      }),
    );
    expect(certImage).toMatchObject({ digest: null, labels: [{ name: "a", value: "b" }], tags: ["1.0"], registry: null, layerCount: null });
    expect(certImage.warnings).toEqual([
      "cert-image.json lists 2 repositories; the first is used.",
      "cert-image.json names no architecture.",
      'docker_image_digest "latest" is not a digest and was ignored.',
    ]);
  });

  it("refuses empty files, several documents and other JSON", () => {
    expect(catchParseError(() => parseCertImageJson(utf8(""))).reason).toBe("empty_results");
    expect(catchParseError(() => parseCertImageJson(utf8('{"architecture":"amd64"}{}'))).reason).toBe("too_many_documents");
    const results = catchParseError(() => parseCertImageJson(jsonBytes({ image: "a/b:1", results: { passed: [] } })));
    expect([results.reason, results.message]).toEqual(["not_preflight", "cert-image.json is not a preflight cert-image.json (no docker_image_digest or parsed_data)."]);
  });
});
