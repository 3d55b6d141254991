import Link from "next/link";

export default function RunNotFound() {
  return (
    <div className="rounded-lg border border-line bg-white p-6">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-muted">There is no preflight run at this address. It may have been deleted, or the link is incomplete.</p>
      <Link href="/runs" className="mt-4 inline-block text-sm text-blue-700 underline">
        Back to all runs
      </Link>
    </div>
  );
}
