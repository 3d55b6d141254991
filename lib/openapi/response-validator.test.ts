import { describe, expect, it } from "vitest";
import { getOpenApiDocument } from "@/lib/openapi/document";
import { ResponseValidator } from "@/lib/openapi/response-validator";

const validator = new ResponseValidator(getOpenApiDocument());
const json = "application/json";

describe("checking answers against the OpenAPI document", () => {
  it("finds the operation, literal segments before parameters", () => {
    expect(validator.operationPath("GET", "/api/v1/preflight/runs/compare")).toBe("/api/v1/preflight/runs/compare");
    expect(validator.operationPath("GET", "/api/v1/preflight/runs/3f2b9c1e-8a4d-4c6b-9f0e-2d7a5b1c4e8f")).toBe("/api/v1/preflight/runs/{id}");
    expect(validator.operationPath("POST", "/api/auth/sign-in/email")).toBe("/api/auth/{all}");
    expect(validator.operationPath("DELETE", "/api/v1/items")).toBeNull();
  });

  it("accepts an answer the document describes", () => {
    expect(validator.problems({ method: "GET", pathname: "/api/health", status: 200, contentType: json, body: { status: "ok", process: { pid: 4321, worker: 0 } } })).toEqual([]);
    const error = { error: { code: "not_found", message: 'No product "x".' } };
    expect(validator.problems({ method: "GET", pathname: "/api/v1/items", status: 404, contentType: json, body: error })).toEqual([]);
    expect(validator.problems({ method: "DELETE", pathname: "/api/v1/views/abc", status: 204, contentType: null, body: "" })).toEqual([]);
  });

  it("names the path, status and schema error of an answer it does not", () => {
    const wrong = validator.problems({ method: "GET", pathname: "/api/v1/items", status: 200, contentType: json, body: { items: [], total: "3" } });
    expect(wrong).toEqual(['GET /api/v1/items → 200: body/total must be integer {"type":"integer"} (documented as /api/v1/items)']);
    expect(validator.problems({ method: "GET", pathname: "/api/v1/items", status: 418, contentType: json, body: {} })[0]).toMatch(/status 418 is not documented/);
    expect(validator.problems({ method: "GET", pathname: "/api/v1/report", status: 200, contentType: "text/html", body: "<p>" })[0]).toMatch(/answered text\/html, documented text\/markdown/);
    expect(validator.problems({ method: "GET", pathname: "/api/v1/nothing", status: 200, contentType: json, body: {} })[0]).toMatch(/no operation/);
    const badCode = { error: { code: "teapot", message: "x" } };
    expect(validator.problems({ method: "GET", pathname: "/api/v1/items", status: 404, contentType: json, body: badCode })[0]).toMatch(/body\/error\/code must be equal to one of the allowed values/);
  });
});
