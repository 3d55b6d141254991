import { MethodBadge } from "@/components/api-reference/method-badge";
import { OperationCard } from "@/components/api-reference/operation-card";
import { SchemaTree } from "@/components/api-reference/schema-tree";
import { Markdown } from "@/components/markdown";
import { anchor, type JsonSchema, type ReferenceDocument, type ReferenceTag } from "@/lib/openapi/reference";

type Props = { document: ReferenceDocument; tags: ReferenceTag[]; documentUrl: string };

/**
 * The API reference, rendered on the server from the OpenAPI document: no script, no CDN, so it
 * works offline and under the page CSP. Navigation is plain links; details expand with the keyboard.
 */
export function ApiReference({ document, tags, documentUrl }: Props) {
  const schemas = Object.entries(document.components?.schemas ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const schemes = Object.entries(document.components?.securitySchemes ?? {}) as [string, { description?: string }][];
  return (
    <div className="lg:grid lg:grid-cols-[16rem_minmax(0,1fr)] lg:gap-8">
      <nav aria-label="API operations" className="mb-6 text-sm lg:sticky lg:top-4 lg:mb-0 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
        <ul className="space-y-3">
          <li>
            <a href="#authentication" className="font-medium hover:underline">Authentication</a>
          </li>
          {tags.map((tag) => (
            <li key={tag.name}>
              <a href={`#${anchor("tag", tag.name)}`} className="font-medium hover:underline">{tag.name}</a>
              <ul className="mt-1 space-y-0.5">
                {tag.operations.map((operation) => (
                  <li key={operation.id}>
                    <a href={`#${operation.id}`} className="flex items-center gap-1 rounded px-1 py-0.5 text-gray-700 hover:bg-gray-100 hover:text-ink">
                      <MethodBadge method={operation.method} />
                      <span className="truncate">{operation.summary}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#schemas" className="font-medium hover:underline">Schemas</a>
          </li>
        </ul>
      </nav>

      <div className="min-w-0 space-y-8">
        <header className="space-y-2">
          <h1 className="text-2xl font-semibold">
            {document.info.title} <span className="text-base font-normal text-muted">v{document.info.version}</span>
          </h1>
          {document.info.description && <Markdown>{document.info.description}</Markdown>}
          <p className="text-sm">
            OpenAPI 3.1 document:{" "}
            <a href={documentUrl} className="font-mono text-blue-700 underline">{documentUrl}</a> (for code generators, Postman or Insomnia).
          </p>
        </header>

        <section id="authentication" aria-labelledby="authentication-title" className="scroll-mt-20 space-y-2">
          <h2 id="authentication-title" className="text-xl font-semibold">Authentication</h2>
          <ul className="space-y-2">
            {schemes.map(([name, scheme]) => (
              <li key={name} className="rounded-lg border border-line bg-white p-3 text-sm shadow-sm">
                <code className="font-mono font-medium">{name}</code>
                {scheme.description && <Markdown>{scheme.description}</Markdown>}
              </li>
            ))}
          </ul>
        </section>

        {tags.map((tag) => (
          <section key={tag.name} id={anchor("tag", tag.name)} aria-labelledby={`${anchor("tag", tag.name)}-title`} className="scroll-mt-20 space-y-3">
            <h2 id={`${anchor("tag", tag.name)}-title`} className="text-xl font-semibold">{tag.name}</h2>
            {tag.operations.map((operation) => (
              <OperationCard key={operation.id} operation={operation} />
            ))}
          </section>
        ))}

        <section id="schemas" aria-labelledby="schemas-title" className="scroll-mt-20 space-y-3">
          <h2 id="schemas-title" className="text-xl font-semibold">Schemas</h2>
          {schemas.map(([name, schema]) => (
            <details key={name} id={anchor("schema", name)} className="scroll-mt-20 rounded-lg border border-line bg-white p-3 shadow-sm">
              <summary className="cursor-pointer font-mono text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600">{name}</summary>
              {(schema as JsonSchema).description && <p className="mt-1 text-xs text-gray-700">{(schema as JsonSchema).description}</p>}
              <div className="mt-2">
                <SchemaTree schema={schema as JsonSchema} />
              </div>
            </details>
          ))}
        </section>
      </div>
    </div>
  );
}
