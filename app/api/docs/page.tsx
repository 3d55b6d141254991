import type { Metadata } from "next";
import { ApiReference } from "@/components/api-reference/api-reference";
import { getOpenApiDocument } from "@/lib/openapi/document";
import { referenceTags, type ReferenceDocument } from "@/lib/openapi/reference";

export const metadata: Metadata = { title: "API reference" };

/** The API reference: public like the document it renders (it holds no data). */
export default function ApiDocsPage() {
  const document = getOpenApiDocument() as ReferenceDocument;
  return <ApiReference document={document} tags={referenceTags(document)} documentUrl="/api/v1/openapi.json" />;
}
