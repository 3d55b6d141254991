"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type DragEvent } from "react";
import { apiFetch } from "@/lib/api-client";
import { describeConflict } from "@/lib/history/describe-event";
import { PRODUCT_SLUG_MAX, PRODUCT_SLUG_PATTERN } from "@/lib/products/schema";

type ImportResult = {
  product: string;
  created: number;
  updated: number;
  unchanged: number;
  items: number;
  byCategory: Record<string, number>;
  phases: number;
  components: number;
  warnings: string[];
  conflicts: { item: string; field: string; current: unknown; incoming: unknown }[];
};

const MAX_BYTES = 2 * 1024 * 1024;

export function ImportForm({ defaultProduct }: { defaultProduct: string }) {
  const router = useRouter();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [product, setProduct] = useState(defaultProduct);
  const [dragging, setDragging] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);

  // A preview runs the same import with dryRun=true: the server rolls it back and writes nothing.
  const upload = useMutation({
    mutationFn: async ({ document, dryRun }: { document: File; dryRun: boolean }) => {
      const query = new URLSearchParams();
      if (product) query.set("product", product);
      if (dryRun) query.set("dryRun", "true");
      return apiFetch<ImportResult>(`/api/v1/backlog/import${query.size > 0 ? `?${query.toString()}` : ""}`, {
        method: "POST",
        headers: { "content-type": "text/markdown" },
        body: document,
      });
    },
    onSuccess: (_result, { dryRun }) => {
      if (!dryRun) router.refresh();
    },
  });
  const previewed = upload.variables?.dryRun === true;

  function choose(next: File | undefined) {
    upload.reset();
    setLocalError(null);
    if (!next) return;
    if (next.size > MAX_BYTES) {
      setFile(null);
      setLocalError(`${next.name} is ${(next.size / 1024 / 1024).toFixed(1)} MiB; the limit is 2 MiB.`);
      return;
    }
    setFile(next);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  }

  const result = upload.data;
  return (
    <div className="space-y-4">
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (file) upload.mutate({ document: file, dryRun: false });
        }}
      >
        <div
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`rounded-lg border-2 border-dashed p-6 text-center ${dragging ? "border-blue-600 bg-blue-50" : "border-line bg-white"}`}
        >
          <label htmlFor={inputId} className="cursor-pointer text-sm">
            <span className="font-medium text-blue-700 underline">Choose a markdown file</span> or drop it here (max 2 MiB)
          </label>
          <input id={inputId} type="file" accept=".md,.markdown,text/markdown,text/plain" className="sr-only" onChange={(e) => choose(e.target.files?.[0])} data-testid="import-file" />
          {file && <p className="mt-2 text-sm" data-testid="import-file-name">Selected: {file.name} ({Math.ceil(file.size / 1024)} KiB)</p>}
        </div>
        <label className="block max-w-xs text-xs font-medium text-muted">
          Product (slug)
          <input
            value={product}
            onChange={(e) => setProduct(e.target.value.trim())}
            placeholder="default product"
            pattern={PRODUCT_SLUG_PATTERN}
            maxLength={PRODUCT_SLUG_MAX}
            title="Lowercase letters and digits in dash-separated words, e.g. neuron-operator"
            className="mt-1 w-full rounded-md border border-line bg-white px-2 py-1.5 text-sm text-ink"
          />
        </label>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            disabled={!file || upload.isPending}
            onClick={(event) => {
              // The same checks as submitting (the product pattern), without importing.
              if (file && event.currentTarget.form?.reportValidity()) upload.mutate({ document: file, dryRun: true });
            }}
            className="rounded-md border border-line bg-white px-4 py-2 text-sm font-medium hover:bg-gray-50 disabled:cursor-not-allowed disabled:opacity-50"
          >
            {upload.isPending && previewed ? "Previewing…" : "Preview"}
          </button>
          <button
            type="submit"
            disabled={!file || upload.isPending}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-on-brand hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-50"
          >
            {upload.isPending && !previewed ? "Importing…" : "Import backlog"}
          </button>
        </div>
      </form>
      {(localError || upload.error) && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {previewed ? "No preview" : "Nothing was imported"}: {localError ?? upload.error?.message}
        </p>
      )}
      {result && (
        <div
          role="status"
          className={`space-y-3 rounded-lg border p-4 text-sm ${previewed ? "border-blue-300 bg-blue-50" : "border-green-300 bg-green-50"}`}
          data-testid={previewed ? "import-preview" : "import-result"}
        >
          {previewed ? (
            <p className="font-medium">
              Preview, nothing imported yet: importing would bring {result.items} items into {result.product}: {result.created} created, {result.updated} updated,{" "}
              {result.unchanged} unchanged; {result.phases} phases, {result.components} components.
            </p>
          ) : (
            <p className="font-medium">
              Imported {result.items} items into {result.product}: {result.created} created, {result.updated} updated, {result.unchanged} unchanged;{" "}
              {result.phases} phases, {result.components} components.
            </p>
          )}
          {result.warnings.length > 0 && (
            <div>
              <p className="font-medium text-amber-900">Warnings</p>
              <ul className="list-disc pl-5 text-amber-900">
                {result.warnings.map((w) => <li key={w}>{w}</li>)}
              </ul>
            </div>
          )}
          {result.conflicts.length > 0 && (
            <div>
              <p className="font-medium text-red-900">
                {previewed ? "Would keep" : "Kept"} people&apos;s edits ({result.conflicts.length} conflicts)
              </p>
              <ul className="list-disc pl-5 text-red-900">
                {result.conflicts.map((c) => (
                  <li key={`${c.item}:${c.field}`}>
                    <span className="font-mono">{c.item}</span> · {describeConflict(c)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
