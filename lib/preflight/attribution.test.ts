import { describe, expect, it } from "vitest";
import { decideAttachment } from "./attribution";

const operator = { slug: "operator", registry: "public.ecr.aws", repository: "os-partners/neuron-openshift/operator", type: "container" };
const options = { force: false, by: "Pat", label: "results.json" };

describe("which component a named run may attach to", () => {
  it("attaches a run of the component's own repository without a word", () => {
    expect(decideAttachment(operator, { registry: "public.ecr.aws", repository: "os-partners/neuron-openshift/operator" }, options)).toEqual({ kind: "attach", note: null });
  });

  it("refuses a run of another repository, naming both, unless forced; forced, it leaves a note for good", () => {
    const other = { registry: "quay.io", repository: "philip860/webserver-operator" };
    expect(decideAttachment(operator, other, options)).toMatchObject({
      kind: "mismatch",
      details: { component: "operator", componentRepository: "public.ecr.aws/os-partners/neuron-openshift/operator", runRepository: "quay.io/philip860/webserver-operator" },
    });
    expect(decideAttachment(operator, other, { ...options, force: true })).toEqual({
      kind: "forced",
      note: "Attached to operator by hand by Pat (force), although its image quay.io/philip860/webserver-operator is not the component's repository public.ecr.aws/os-partners/neuron-openshift/operator.",
    });
  });

  it("lets a component without a repository adopt the run's, and attaches an unreadable image as asked", () => {
    const placeholder = { slug: "node-metrics-image", registry: null, repository: null, type: "container" };
    expect(decideAttachment(placeholder, { registry: "docker.io", repository: "mariadb/maxscale" }, options)).toEqual({
      kind: "adopt",
      note: "results.json: node-metrics-image had no registered repository; it now has docker.io/mariadb/maxscale, from this run.",
    });
    expect(decideAttachment(operator, null, options)).toMatchObject({ kind: "attach", note: expect.stringContaining("names no image Certboard can read") });
  });
});
