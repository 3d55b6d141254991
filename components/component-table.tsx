import Link from "next/link";
import { Badge } from "@/components/ui/badge";

type ComponentRow = {
  slug: string;
  name: string;
  type: string;
  registry: string | null;
  repository: string | null;
  placeholder: boolean;
  certificationStatus: string;
  owner: string | null;
  tags: string[];
  items: { total: number; open: number };
};

export function ComponentTable({ components, itemsHref, product }: { components: ComponentRow[]; itemsHref: (slug: string) => string; product?: string }) {
  const productQuery = product ? `?product=${encodeURIComponent(product)}` : "";
  if (components.length === 0) return <p className="text-sm text-muted">No components yet. They are created from the image references in an imported backlog.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-muted">
          <tr>
            <th scope="col" className="py-2 pr-3">Component</th>
            <th scope="col" className="py-2 pr-3">Image</th>
            <th scope="col" className="py-2 pr-3">Red Hat status</th>
            <th scope="col" className="py-2 pr-3 text-right">Open / items</th>
          </tr>
        </thead>
        <tbody>
          {components.map((c) => (
            <tr key={c.slug} className="border-t border-line align-top">
              <td className="py-2 pr-3">
                <Link href={`/components/${encodeURIComponent(c.slug)}${productQuery}`} className="font-medium text-blue-700 hover:underline">
                  {c.name}
                </Link>
                <div className="text-xs text-muted">
                  {c.type.replace("_", " ")}
                  {c.owner ? ` · ${c.owner}` : ""}
                </div>
              </td>
              <td className="py-2 pr-3 font-mono text-xs break-all">
                {c.placeholder ? <Badge tone="amber">to be decided</Badge> : `${c.registry}/${c.repository}`}
                {c.tags.length > 0 && <div className="mt-1 text-muted">tags: {c.tags.join(", ")}</div>}
              </td>
              <td className="py-2 pr-3">
                <Badge tone={c.certificationStatus === "published" ? "green" : c.certificationStatus === "not_created" ? "gray" : "blue"}>
                  {c.certificationStatus.replaceAll("_", " ")}
                </Badge>
              </td>
              <td className="py-2 pr-3 text-right">
                <Link href={itemsHref(c.slug)} className="text-blue-700 hover:underline">
                  {c.items.open} / {c.items.total}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
