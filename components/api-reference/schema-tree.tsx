import { anchor, refName, typeText, type JsonSchema } from "@/lib/openapi/reference";

/** What a schema allows beyond its type, in a few words (`max 100`, `at least 1`, `default "key"`). */
function constraints(schema: JsonSchema): string[] {
  const out: string[] = [];
  if (schema.minLength !== undefined) out.push(`min length ${schema.minLength}`);
  if (schema.maxLength !== undefined) out.push(`max length ${schema.maxLength}`);
  if (schema.minimum !== undefined) out.push(`≥ ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) out.push(`> ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined) out.push(`≤ ${schema.maximum}`);
  if (schema.maxItems !== undefined) out.push(`at most ${schema.maxItems} items`);
  if (schema.pattern) out.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

/** The object a schema's properties live on: itself, its array's items, or a non-null variant. */
function objectOf(schema: JsonSchema): JsonSchema | null {
  if (schema.properties) return schema;
  if (schema.items && !schema.items.$ref) return objectOf(schema.items);
  const variants = (schema.anyOf ?? schema.oneOf)?.filter((v) => v.type !== "null");
  if (variants?.length === 1 && !variants[0]!.$ref) return objectOf(variants[0]!);
  return null;
}

function TypeName({ schema }: { schema: JsonSchema }) {
  const ref = schema.$ref ?? schema.items?.$ref;
  if (ref) {
    const name = refName(ref);
    const text = typeText(schema);
    const [before, after] = [text.slice(0, text.indexOf(name)), text.slice(text.indexOf(name) + name.length)];
    return (
      <span className="font-mono text-xs text-muted">
        {before}
        <a href={`#${anchor("schema", name)}`} className="text-blue-700 underline">
          {name}
        </a>
        {after}
      </span>
    );
  }
  return <span className="font-mono text-xs text-muted">{typeText(schema)}</span>;
}

/**
 * A schema as nested lists of fields: name, type, required, constraints and description. Named
 * schemas are links to their own entry, so a tree never repeats one or recurses without end.
 */
export function SchemaTree({ schema, depth = 0 }: { schema: JsonSchema; depth?: number }) {
  const variants = schema.oneOf ?? (schema.anyOf && schema.anyOf.filter((v) => v.type !== "null").length > 1 ? schema.anyOf : undefined);
  if (variants && depth < 6) {
    return (
      <ol className="space-y-2">
        {variants.map((variant, index) => (
          <li key={index} className="rounded border border-line p-2">
            <p className="mb-1 text-xs font-medium text-muted">One of ({index + 1}):</p>
            <SchemaTree schema={variant} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  const object = objectOf(schema);
  if (!object || depth >= 6) return <TypeName schema={schema} />;
  const required = new Set(object.required ?? []);
  return (
    <ul className={depth > 0 ? "mt-1 space-y-1 border-l border-line pl-3" : "space-y-1"}>
      {Object.entries(object.properties ?? {}).map(([name, child]) => {
        const nested = objectOf(child) !== null || child.oneOf !== undefined;
        const facts = constraints(child);
        const head = (
          <>
            <code className="font-mono text-sm font-medium">{name}</code> <TypeName schema={child} />
            {required.has(name) ? <span className="ml-1 text-xs text-red-700">required</span> : null}
            {facts.length > 0 ? <span className="ml-1 text-xs text-muted">({facts.join(", ")})</span> : null}
            {child.description ? <span className="block text-xs text-gray-700">{child.description}</span> : null}
          </>
        );
        return (
          <li key={name} className="text-sm">
            {nested ? (
              <details>
                <summary className="cursor-pointer rounded focus-visible:outline-2 focus-visible:outline-brand-600">{head}</summary>
                <SchemaTree schema={child} depth={depth + 1} />
              </details>
            ) : (
              head
            )}
          </li>
        );
      })}
    </ul>
  );
}
