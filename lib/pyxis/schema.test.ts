import { describe, expect, it } from "vitest";
import { pyxisConnectionInputSchema, pyxisImageSchema, pyxisProjectIdSchema, pyxisProjectSchema, pyxisTestResultSchema } from "./schema";

describe("pyxisConnectionInputSchema", () => {
  it("trims the key and the URL's trailing slashes", () => {
    expect(pyxisConnectionInputSchema.parse({ url: " https://catalog.redhat.com/api/containers// ", apiKey: "  key  " })).toEqual({
      url: "https://catalog.redhat.com/api/containers",
      apiKey: "key",
    });
  });

  it.each([
    [{ url: "ftp://catalog.redhat.com", apiKey: "k" }, "must start with http:// or https://"],
    [{ url: "not a url", apiKey: "k" }, "not a valid URL"],
    [{ url: "https://catalog.redhat.com/api/containers?x=1", apiKey: "k" }, "only the base address"],
    [{ url: "https://user:pw@catalog.redhat.com/api/containers", apiKey: "k" }, "only the base address"],
    [{ url: "https://catalog.redhat.com", apiKey: "   " }, "enter the API key"],
    [{ url: "https://catalog.redhat.com", apiKey: "k".repeat(4097) }, "at most 4096 characters"],
    [{ url: "https://catalog.redhat.com", apiKey: "k", extra: 1 }, "Unrecognized key"],
  ])("refuses %j", (input, message) => {
    const result = pyxisConnectionInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join("; ")).toContain(message);
  });
});

describe("response schemas", () => {
  it("read the fields Certboard uses, drop the rest (registry secrets included) and read null as absent", () => {
    const project = pyxisProjectSchema.parse({
      _id: "5e98745a6c5dcb34dfbb1a0a",
      name: null,
      org_id: 1,
      certification_status: "Published",
      container: { privileged: false, registry: "registry.connect.redhat.com", docker_config_json: "{\"auths\":{}}" },
    });
    expect(project).toEqual({ _id: "5e98745a6c5dcb34dfbb1a0a", name: undefined, certification_status: "Published", project_status: undefined, container: { privileged: false, registry: "registry.connect.redhat.com", os_content_type: undefined, repository: undefined } });
    expect(JSON.stringify(project)).not.toContain("docker_config_json");
  });

  it("refuses a certification_status outside §3.3", () => {
    expect(pyxisProjectSchema.safeParse({ _id: "x", certification_status: "Done" }).success).toBe(false);
  });

  it("default an image's lists and a test result's check lists", () => {
    const image = pyxisImageSchema.parse({ _id: "i", architecture: "amd64", repositories: null });
    expect(image.repositories).toEqual([]);
    expect(image.freshness_grades).toEqual([]);
    const result = pyxisTestResultSchema.parse({ passed: false, results: { failed: [{ name: "HasLicense", elapsed_time: 3 }] } });
    expect(result.results?.failed).toEqual([{ name: "HasLicense" }]);
  });
});

describe("pyxisProjectIdSchema", () => {
  it("accepts 24 hex digits in either case and refuses anything else", () => {
    expect(pyxisProjectIdSchema.parse(" 5E98745A6C5DCB34DFBB1A0A ")).toBe("5e98745a6c5dcb34dfbb1a0a");
    expect(pyxisProjectIdSchema.safeParse("ospid-5e98745a6c5dcb34dfbb1a0a").success).toBe(false);
    expect(pyxisProjectIdSchema.safeParse("../../v1/images").success).toBe(false);
  });
});
