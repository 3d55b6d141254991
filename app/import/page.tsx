import type { Metadata } from "next";
import { ImportForm } from "@/components/import-form";
import { Card } from "@/components/ui/card";
import { listProducts } from "@/lib/products/data";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import & export" };

export default async function ImportPage() {
  const products = await listProducts();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="Import a backlog document">
        <p className="mb-4 text-sm text-muted">
          Re-importing the same document changes nothing. Fields someone edited here since the last import are kept and reported as conflicts.
        </p>
        <ImportForm defaultProduct={products[0]?.slug ?? ""} />
      </Card>
      <Card title="Export">
        {products.length === 0 ? (
          <p className="text-sm text-muted">Nothing to export yet.</p>
        ) : (
          <ul className="space-y-3 text-sm">
            {products.map((p) => (
              <li key={p.slug}>
                <p className="font-medium">{p.name}</p>
                <p className="space-x-3">
                  <a className="text-blue-700 underline" href={`/api/v1/backlog/export?format=md&product=${encodeURIComponent(p.slug)}`}>Markdown</a>
                  <a className="text-blue-700 underline" href={`/api/v1/backlog/export?format=csv&product=${encodeURIComponent(p.slug)}`}>CSV</a>
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
