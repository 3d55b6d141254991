import Link from "next/link";

const NAV = [
  { href: "/", label: "Overview" },
  { href: "/items", label: "Items" },
  { href: "/import", label: "Import & export" },
];

export function SiteHeader() {
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold">
          <span aria-hidden className="inline-block h-5 w-5 rounded bg-brand-600" />
          Certboard
        </Link>
        <nav aria-label="Main" className="flex gap-4 text-sm">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href} className="rounded px-1 py-0.5 text-gray-700 hover:text-ink hover:underline">
              {item.label}
            </Link>
          ))}
        </nav>
      </div>
    </header>
  );
}
