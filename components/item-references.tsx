import Link from "next/link";
import type { ItemLinks } from "@/lib/item-links/schema";
import { componentUrl } from "@/lib/overview/urls";

const linkClass = "text-blue-700 hover:underline";

/** The item's components, each opening its board. */
export function ComponentLinks({ components, product }: { components: { slug: string; name: string }[]; product: string }) {
  if (components.length === 0) return <>—</>;
  return (
    <ul>
      {components.map((c) => (
        <li key={c.slug}><Link href={componentUrl(c.slug, product)} className={linkClass}>{c.name}</Link></li>
      ))}
    </ul>
  );
}

/** Preflight checks, each opening the newest run that reported it; a check no run reported yet stays text. */
export function CheckLinks({ names, hrefs }: { names: string[]; hrefs: ItemLinks["checks"] }) {
  if (names.length === 0) return <>—</>;
  return (
    <ul>
      {names.map((name) => {
        const href = hrefs[name];
        return (
          <li key={name} className="font-mono text-xs break-all">
            {href ? <Link href={href} className={linkClass} title="The newest run that reported this check">{name}</Link> : name}
          </li>
        );
      })}
    </ul>
  );
}

/** Requirements by code and title, each opening where its evidence is shown. */
export function RequirementLinks({ codes, links }: { codes: string[]; links: ItemLinks["requirements"] }) {
  if (codes.length === 0) return <>—</>;
  return (
    <ul>
      {codes.map((code) => {
        const link = links[code];
        return (
          <li key={code}>
            {link ? (
              <Link href={link.href} className={linkClass}><span className="font-mono text-xs">{code}</span> {link.title}</Link>
            ) : (
              <span className="font-mono text-xs">{code}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
