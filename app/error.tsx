"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-6">
      <h1 className="text-lg font-semibold text-red-900">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-red-900">
        {error.digest ? `Something went wrong on the server (reference ${error.digest}).` : error.message}
        {" "}If the database was restarting, trying again usually works.
      </p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-on-brand hover:bg-brand-700">
        Try again
      </button>
    </div>
  );
}
