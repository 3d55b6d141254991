import { MethodBadge } from "@/components/api-reference/method-badge";
import { SchemaTree } from "@/components/api-reference/schema-tree";
import { Markdown } from "@/components/markdown";
import type { Body, ReferenceOperation } from "@/lib/openapi/reference";

const AUTH_LABEL: Record<string, string> = { sessionCookie: "session cookie", bearerToken: "bearer token" };
const FOCUS = "focus-visible:outline-2 focus-visible:outline-brand-600";

function BodyView({ body, label }: { body: Body; label: string }) {
  return (
    <div className="space-y-2">
      {body.types.length > 0 && <p className="text-xs text-muted">{body.types.join(", ")}</p>}
      {body.schema && <SchemaTree schema={body.schema} />}
      {body.example && (
        <details>
          <summary className={`cursor-pointer text-xs font-medium text-gray-700 ${FOCUS}`}>Example {label}</summary>
          <pre className="mt-1 max-h-96 overflow-auto rounded bg-gray-900 p-3 font-mono text-xs text-gray-100 dark:border dark:border-line dark:bg-gray-50 dark:text-gray-900">{body.example}</pre>
        </details>
      )}
    </div>
  );
}

function statusTone(status: string): string {
  if (status.startsWith("2")) return "text-green-800";
  if (status.startsWith("4")) return "text-amber-800";
  return "text-red-800";
}

function Parameters({ parameters }: { parameters: ReferenceOperation["parameters"] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-muted">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">Name</th>
            <th scope="col" className="py-1 pr-3 font-medium">In</th>
            <th scope="col" className="py-1 pr-3 font-medium">Type</th>
            <th scope="col" className="py-1 font-medium">Description</th>
          </tr>
        </thead>
        <tbody>
          {parameters.map((p) => (
            <tr key={`${p.in}-${p.name}`} className="border-t border-line align-top">
              <td className="py-1 pr-3">
                <code className="font-mono">{p.name}</code>
                {p.required && <span className="ml-1 text-xs text-red-700">required</span>}
              </td>
              <td className="py-1 pr-3 text-xs text-muted">{p.in}</td>
              <td className="py-1 pr-3 font-mono text-xs text-muted">{p.type}</td>
              <td className="py-1 text-xs text-gray-700">{p.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Responses({ responses }: { responses: ReferenceOperation["responses"] }) {
  return (
    <ul className="space-y-2">
      {responses.map((response) => {
        const status = <span className={`font-mono font-semibold ${statusTone(response.status)}`}>{response.status}</span>;
        if (response.status.startsWith("2") && response.schema) {
          return (
            <li key={response.status} className="text-sm">
              <details>
                <summary className={`cursor-pointer ${FOCUS}`}>
                  {status} {response.description}
                </summary>
                <div className="mt-1 pl-4">
                  <BodyView body={response} label="response" />
                </div>
              </details>
            </li>
          );
        }
        return (
          <li key={response.status} className="text-sm">
            {status} <span className="text-gray-700">{response.description}</span>
            {!response.status.startsWith("2") && response.schema && (
              <>
                {" "}
                <a href="#schema-error" className="text-xs text-blue-700 underline">Error</a>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** What the collapsed part holds, so a reader knows before opening it. */
function detailsLabel(operation: ReferenceOperation): string {
  const count = operation.parameters.length;
  const parts = [count > 0 ? `${count} parameter${count === 1 ? "" : "s"}` : null, operation.body ? "request body" : null, `${operation.responses.length} responses`];
  return parts.filter(Boolean).join(", ").replace(/^./, (c) => c.toUpperCase());
}

/**
 * One operation: method and path, what it does and who may call it; its parameters, body and
 * answers fold away (keyboard: Enter on the summary) so the page stays a readable list.
 */
export function OperationCard({ operation }: { operation: ReferenceOperation }) {
  const headingId = `${operation.id}-title`;
  return (
    <section id={operation.id} aria-labelledby={headingId} className="scroll-mt-20 rounded-lg border border-line bg-white p-4 shadow-sm">
      <header className="mb-2 flex flex-wrap items-center gap-2">
        <MethodBadge method={operation.method} />
        <code className="break-all font-mono text-sm">{operation.path}</code>
      </header>
      <h3 id={headingId} className="text-base font-semibold">
        <a href={`#${operation.id}`} className={`hover:underline ${FOCUS}`}>
          {operation.summary}
        </a>
      </h3>
      <Markdown>{operation.description}</Markdown>
      <p className="mt-2 text-xs text-muted">
        {operation.auth.length === 0 ? "Public: no authentication." : `Authenticate with a ${operation.auth.map((a) => AUTH_LABEL[a] ?? a).join(" or a ")}.`}
      </p>
      <details className="mt-3 rounded border border-line">
        <summary className={`cursor-pointer px-2 py-1 text-sm font-medium ${FOCUS}`}>{detailsLabel(operation)}</summary>
        <div className="space-y-3 px-2 pb-2">
          {operation.parameters.length > 0 && (
            <div>
              <h4 className="mb-1 text-sm font-semibold">Parameters</h4>
              <Parameters parameters={operation.parameters} />
            </div>
          )}
          {operation.body && (
            <div>
              <h4 className="mb-1 text-sm font-semibold">Request body</h4>
              {operation.body.description && <p className="mb-1 text-xs text-gray-700">{operation.body.description}</p>}
              <BodyView body={operation.body} label="request" />
            </div>
          )}
          <div>
            <h4 className="mb-1 text-sm font-semibold">Responses</h4>
            <Responses responses={operation.responses} />
          </div>
        </div>
      </details>
    </section>
  );
}
