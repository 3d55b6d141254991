import { describe, expect, it } from "vitest";
import { pickedFromFolderInput, planUploads, requestFor } from "@/lib/preflight/upload-plan";

const file = (name: string, size = 10, relative?: string) => {
  const f = new File([new Uint8Array(size)], name);
  if (relative) Object.defineProperty(f, "webkitRelativePath", { value: relative });
  return f;
};

describe("planning browser uploads", () => {
  it("sends each loose results file alone and each archive alone", () => {
    const plans = planUploads({ loose: [file("a.results.json"), file("b.results.json"), file("artifacts.tar.gz"), file("bundle.zip")], folders: [] });
    expect(plans.map((p) => [p.kind, p.label])).toEqual([
      ["results", "a.results.json"],
      ["results", "b.results.json"],
      ["archive", "artifacts.tar.gz"],
      ["archive", "bundle.zip"],
    ]);
    const archive = plans[2];
    expect(archive?.kind === "archive" && archive.contentType).toBe("application/gzip");
  });

  it("sends a folder as one request, pairing by relative path and leaving other files behind", () => {
    const picked = pickedFromFolderInput([
      file("results.json", 10, "artifacts/amd64/results.json"),
      file("cert-image.json", 10, "artifacts/amd64/cert-image.json"),
      file("rpm-manifest.json", 10, "artifacts/amd64/rpm-manifest.json"),
      file("preflight.log", 10, "artifacts/preflight.log"),
    ]);
    const [plan] = planUploads(picked);
    expect(plan?.kind).toBe("folder");
    if (plan?.kind !== "folder") return;
    expect(plan.files.map((f) => [f.name, f.role])).toEqual([
      ["artifacts/amd64/cert-image.json", "certImage"],
      ["artifacts/amd64/results.json", "results"],
      ["artifacts/preflight.log", "log"],
    ]);
    expect(plan.ignored).toEqual(["artifacts/amd64/rpm-manifest.json"]);
    const { body } = requestFor(plan, { component: "operator", arch: "amd64" });
    expect(body instanceof FormData && body.getAll("results").length).toBe(1);
    expect(body instanceof FormData && body.get("component")).toBe("operator");
  });

  it("refuses before sending what the server would refuse", () => {
    const plans = planUploads({
      loose: [file("notes.txt"), file("huge.results.json", 5 * 1024 * 1024 + 1), file("ok.results.json"), file("cert-image.json")],
      folders: [{ name: "empty", files: [{ file: file("x.log"), path: "empty/x.log" }] }],
    });
    const problems = Object.fromEntries(plans.map((p) => [p.label, p.kind === "skipped" ? p.problem : null]));
    expect(Object.keys(problems).sort()).toEqual(["cert-image.json", "empty/", "huge.results.json", "notes.txt", "ok.results.json"]);
    expect(problems["ok.results.json"]).toBeNull();
    expect(problems["empty/"]).toMatch(/no results\.json/);
    expect(problems["notes.txt"]).toMatch(/Not a preflight file/);
    expect(problems["huge.results.json"]).toMatch(/at most 5\.0 MiB/);
    expect(problems["cert-image.json"]).toMatch(/exactly one results\.json/);
  });
});
