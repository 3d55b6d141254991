import { describe, expect, it } from "vitest";

import { canonicalRepository, readRunImage } from "./preflight-image";

describe("readRunImage", () => {
  it.each([
    ["quay.io/ns/repo:1.0", "quay.io/ns/repo:1.0", "1.0", null],
    ["mariadb/maxscale:24.02.5-ubi", "docker.io/mariadb/maxscale:24.02.5-ubi", "24.02.5-ubi", null],
    ["ubuntu:22.04", "docker.io/library/ubuntu:22.04", "22.04", null],
    ["ubuntu", "docker.io/library/ubuntu:latest", "latest", null],
    ["index.docker.io/ubuntu:1", "docker.io/library/ubuntu:1", "1", null],
    ["localhost:5000/auditvision-ui:test", "localhost:5000/auditvision-ui:test", "test", null],
    ["10.0.0.7:5000/team/app:2", "10.0.0.7:5000/team/app:2", "2", null],
    [`quay.io/ns/repo@sha256:${"A".repeat(64)}`, `quay.io/ns/repo@sha256:${"a".repeat(64)}`, null, `sha256:${"a".repeat(64)}`],
    [`quay.io/ns/repo:1@sha256:${"b".repeat(64)}`, `quay.io/ns/repo:1@sha256:${"b".repeat(64)}`, "1", `sha256:${"b".repeat(64)}`],
  ])("reads %s", (raw, normalized, tag, digest) => {
    const { image, warnings } = readRunImage(raw);
    expect(image).toMatchObject({ raw, normalized, tag, digest });
    expect(warnings).toEqual([]);
  });

  it.each(["", "   ", "Quay.io/NS/Repo:1", "quay.io/ns/repo:*", "IMG=quay.io/ns/repo:1", "not an image", "/abs/path/bundle"])(
    "refuses %j and says so",
    (raw) => {
      const { image, warnings } = readRunImage(raw);
      expect(image).toBeNull();
      expect(warnings).toHaveLength(1);
    },
  );

  it("compares repositories across Docker Hub spellings", () => {
    expect(canonicalRepository("index.docker.io", "mariadb/maxscale")).toBe(canonicalRepository("docker.io", "mariadb/maxscale"));
    expect(canonicalRepository("registry-1.docker.io", "ubuntu")).toBe("docker.io/library/ubuntu");
  });
});
