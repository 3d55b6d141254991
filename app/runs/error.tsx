"use client";

import Link from "next/link";

export default function RunsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-6">
      <h1 className="text-lg font-semibold text-red-900">Preflight runs could not be loaded</h1>
      <p className="mt-2 text-sm text-red-900">
        {error.digest ? `Something went wrong on the server (reference ${error.digest}).` : error.message} If the database was restarting,
        trying again usually works.
      </p>
      <div className="mt-4 flex items-center gap-4">
        <button type="button" onClick={reset} className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800">
          Try again
        </button>
        <Link href="/runs" className="text-sm text-red-900 underline">All runs</Link>
      </div>
    </div>
  );
}
