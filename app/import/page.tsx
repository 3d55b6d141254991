import type { Metadata } from "next";
import { pagePath } from "@/lib/auth/next-path";
import { ImportForm } from "@/components/import-form";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/schema";
import { requirePageUser } from "@/lib/auth/session";
import { listProductsFor } from "@/lib/products/data";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import & export" };

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requirePageUser(pagePath("/import", await searchParams));
  const mayImport = can(user, "import_backlog");
  const products = await listProductsFor(user);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{mayImport ? "Import & export" : "Export"}</h1>
      <div className={`grid gap-6 ${mayImport ? "lg:grid-cols-2" : "max-w-2xl"}`}>
        {mayImport && (
          <Card title="Import a backlog document">
            <p className="mb-4 text-sm text-muted">
              Re-importing the same document changes nothing. Fields someone edited here since the last import are kept and reported as conflicts.
            </p>
            <ImportForm defaultProduct={products[0]?.slug ?? ""} />
          </Card>
        )}
        <Card title="Export">
          {!mayImport && <p className="mb-3 text-sm text-muted">Your role ({user.role}) can export the backlog; importing needs an engineer or admin.</p>}
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
    </div>
  );
}
