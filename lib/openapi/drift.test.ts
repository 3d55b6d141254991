import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { getOpenApiDocument } from "@/lib/openapi/document";

// The document and the route files must describe the same doors: a route without a description,
// or a description without a route, fails here. Register new routes in lib/openapi/<area>.ts.

const ROOT = path.resolve(import.meta.dirname, "../..");
const API_DIR = path.join(ROOT, "app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** `app/api/v1/items/[key]/route.ts` → `/api/v1/items/{key}`; `[...all]` → `{all}`. */
function openApiPath(file: string): string {
  const folder = path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep);
  return "/" + folder.map((part) => part.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}")).join("/");
}

/** The HTTP methods a route file exports (`export const GET`, `export async function POST`, `export { x as PUT }`). */
function exportedMethods(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const node of source.statements) {
    const exported = ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isVariableStatement(node) && exported) {
      for (const declaration of node.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
    } else if (ts.isFunctionDeclaration(node) && exported && node.name) {
      names.push(node.name.text);
    } else if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) {
      for (const element of node.exportClause.elements) names.push(element.name.text);
    }
  }
  return names.filter((name) => METHODS.includes(name));
}

const fromRoutes = routeFiles(API_DIR)
  .flatMap((file) => exportedMethods(file).map((method) => `${method} ${openApiPath(file)}`))
  .sort();

const document = getOpenApiDocument();
const operations = Object.entries(document.paths ?? {}).flatMap(([route, item]) =>
  Object.entries(item ?? {})
    .filter(([method]) => METHODS.includes(method.toUpperCase()))
    .map(([method, operation]) => ({ id: `${method.toUpperCase()} ${route}`, operation: operation as { summary?: string; description?: string; responses?: object } })),
);

describe("the OpenAPI document and app/api", () => {
  it("finds the route files", () => {
    expect(fromRoutes).toContain("GET /api/v1/items/{key}");
    expect(fromRoutes).toContain("POST /api/auth/{all}");
  });

  it("describes every method every route file exports", () => {
    const described = new Set(operations.map((o) => o.id));
    const missing = fromRoutes.filter((id) => !described.has(id));
    expect(missing, "routes without a description: register them in lib/openapi/<area>.ts").toEqual([]);
  });

  it("describes no path or method without a route", () => {
    const routes = new Set(fromRoutes);
    const extra = operations.map((o) => o.id).filter((id) => !routes.has(id));
    expect(extra, "described operations with no route file exporting the method").toEqual([]);
  });

  it("gives every operation a summary, a description and a success answer", () => {
    const incomplete = operations
      .filter(({ operation }) => !operation.summary?.trim() || !operation.description?.trim() || !Object.keys(operation.responses ?? {}).some((s) => s.startsWith("2")))
      .map((o) => o.id);
    expect(incomplete).toEqual([]);
  });

  it("carries the package version", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(document.openapi).toBe("3.1.0");
    expect(document.info.version).toBe(pkg.version);
  });
});
