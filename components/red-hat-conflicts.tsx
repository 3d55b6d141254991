"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateText } from "@/components/ui/date-text";
import { COMPONENT_FIELD_LABELS } from "@/lib/components/schema";
import { useDismissConflict } from "@/lib/pyxis/client";
import type { RedHatView } from "@/lib/pyxis/schema";

const words = (value: string) => value.replaceAll("_", " ");

/** Values people set that Red Hat's catalog overrode; an engineer dismisses one once it is understood. */
export function RedHatConflicts({ conflicts, product, slug, canEdit }: { conflicts: RedHatView["conflicts"]; product: string; slug: string; canEdit: boolean }) {
  const dismiss = useDismissConflict(product, slug);
  return (
    <Alert tone="warning" title={`Red Hat's catalog differs from ${conflicts.length === 1 ? "a value" : "values"} set here`}>
      <ul className="space-y-2" data-testid="red-hat-conflicts">
        {conflicts.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-2">
            <span>
              {COMPONENT_FIELD_LABELS[c.field] ?? c.field}: {c.setBy} set <strong>{words(c.personValue)}</strong>; Red Hat says <strong>{words(c.redHatValue)}</strong> (
              <DateText iso={c.at} />
              ). Red Hat&apos;s value is in force; history keeps both.
            </span>
            {canEdit && (
              <Button variant="secondary" size="sm" disabled={dismiss.isPending} onClick={() => dismiss.mutate(c.id)}>
                Dismiss
              </Button>
            )}
          </li>
        ))}
      </ul>
      {dismiss.isError && <p className="mt-2 font-medium">Not dismissed: {dismiss.error.message}</p>}
    </Alert>
  );
}
