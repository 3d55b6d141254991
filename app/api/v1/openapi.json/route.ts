import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/http";
import { getOpenApiDocument } from "@/lib/openapi/document";

/** The OpenAPI 3.1 description of this API: public (it holds no data) and cacheable for an hour. */
export const GET = publicRoute(async () =>
  NextResponse.json(getOpenApiDocument(), { headers: { "cache-control": "public, max-age=3600" } }),
);
