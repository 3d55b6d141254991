import Link from "next/link";

export function Pagination({ offset, limit, total, hrefFor }: { offset: number; limit: number; total: number; hrefFor: (offset: number) => string }) {
  if (total <= limit && offset === 0) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  const link = "rounded-md border border-line bg-white px-3 py-1 text-sm hover:bg-gray-50";
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-2">
      <span className="text-sm text-muted">
        Page {page} of {pages}
      </span>
      <div className="flex gap-2">
        {offset > 0 ? <Link className={link} href={hrefFor(Math.max(0, offset - limit))} rel="prev">Previous</Link> : <span className={`${link} opacity-40`}>Previous</span>}
        {offset + limit < total ? <Link className={link} href={hrefFor(offset + limit)} rel="next">Next</Link> : <span className={`${link} opacity-40`}>Next</span>}
      </div>
    </nav>
  );
}
