"use client";

import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { SavedViewForm } from "@/components/saved-view-form";
import { SavedViewLink } from "@/components/saved-view-link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { normalizeViewQuery, VIEW_PARAMS, viewHref } from "@/lib/views/schema";
import { useCreateView, useDeleteView, useSavedViews } from "@/lib/views/client";

/** The saved views of a product beside the /items filters: open one, save the current filters, delete your own. */
export function SavedViews({ product }: { product: string }) {
  const params = useSearchParams();
  const views = useSavedViews(product);
  const create = useCreateView(product);
  const remove = useDeleteView(product);
  const [saving, setSaving] = useState(false);

  const current = normalizeViewQuery(params.toString());
  const currentQuery = current.ok ? current.query : null;
  // Only the list's filters go to the server: whatever else the URL carries is not part of a view.
  const filters = new URLSearchParams([...params].filter(([name]) => VIEW_PARAMS.includes(name))).toString();
  const list = views.data?.views ?? [];

  return (
    <section aria-labelledby="saved-views-title" className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="saved-views-title" className="text-xs font-medium text-muted">
          Saved views
        </h2>
        {views.isPending ? (
          <p className="text-sm text-muted">Loading views…</p>
        ) : views.isError ? null : list.length === 0 ? (
          <p className="text-sm text-muted">No saved views</p>
        ) : (
          <ul className="flex min-w-0 flex-wrap gap-2">
            {list.map((view) => (
              <SavedViewLink
                key={view.id}
                view={view}
                href={viewHref(view.query, product)}
                active={view.query === currentQuery}
                onDelete={
                  view.mine
                    ? () =>
                        remove.mutate(view.id, {
                          onSuccess: () => toast.success(`Deleted the view "${view.name}".`),
                          onError: (error) => toast.error(`The view "${view.name}" was not deleted: ${error.message}`),
                        })
                    : undefined
                }
              />
            ))}
          </ul>
        )}
        {!saving && (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              create.reset();
              setSaving(true);
            }}
            disabled={!views.data}
          >
            Save view
          </Button>
        )}
      </div>
      {views.isError && (
        <Alert title="Saved views could not be loaded">
          {views.error.message}{" "}
          <button type="button" onClick={() => void views.refetch()} className="font-medium underline">
            Try again
          </button>
        </Alert>
      )}
      {saving && views.data && (
        <SavedViewForm
          canShare={views.data.canShare}
          pending={create.isPending}
          error={create.error}
          onCancel={() => setSaving(false)}
          onSave={({ name, shared }) =>
            create.mutate(
              { name, shared, query: filters },
              {
                onSuccess: (view) => {
                  setSaving(false);
                  toast.success(`Saved the view "${view.name}".`);
                },
              },
            )
          }
        />
      )}
    </section>
  );
}
