import { OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import packageJson from "@/package.json";
import { registerAccountRoutes } from "@/lib/openapi/account";
import { registerBacklogRoutes } from "@/lib/openapi/backlog";
import { registerComponentRoutes } from "@/lib/openapi/components";
import { registerInsightRoutes } from "@/lib/openapi/insights";
import { registerItemRoutes } from "@/lib/openapi/items";
import { registerPhaseRoutes } from "@/lib/openapi/phases";
import { registerPreflightRoutes } from "@/lib/openapi/preflight";
import { registerProductRoutes } from "@/lib/openapi/products";
import { Api } from "@/lib/openapi/registry";
import { registerNotificationRoutes } from "@/lib/openapi/notifications";
import { registerSystemRoutes } from "@/lib/openapi/system";

// One register function per API area; a new area adds its function here (README: "Documenting a route").
const AREAS = [
  registerItemRoutes,
  registerBacklogRoutes,
  registerComponentRoutes,
  registerPhaseRoutes,
  registerPreflightRoutes,
  registerProductRoutes,
  registerInsightRoutes,
  registerAccountRoutes,
  registerSystemRoutes,
  registerNotificationRoutes,
];

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

function build(): OpenApiDocument {
  const api = new Api();
  for (const register of AREAS) register(api);
  return new OpenApiGeneratorV31(api.registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Certboard API",
      version: packageJson.version,
      description:
        "Certboard's JSON API: backlog items, components, preflight runs, phases and the product's status. Every error answers `{ \"error\": { \"code\", \"message\", \"details\"? } }`. Browsers authenticate with the session cookie; pipelines and scripts with `Authorization: Bearer <token>`. Most routes take `?product=SLUG` (default: the first product created).",
    },
    servers: [{ url: "/" }],
  });
}

let cached: OpenApiDocument | undefined;

/** The document, built once per process (it depends only on the code). */
export function getOpenApiDocument(): OpenApiDocument {
  cached ??= build();
  return cached;
}
