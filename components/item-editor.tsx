"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { HistoryTimeline } from "@/components/history-timeline";
import { ItemContentForm } from "@/components/item-content-form";
import { CheckLinks, ComponentLinks, RequirementLinks } from "@/components/item-references";
import { DueText } from "@/components/due-text";
import { ItemPlanFields } from "@/components/item-plan-fields";
import { ItemWatchButton } from "@/components/item-watch-button";
import { Button } from "@/components/ui/button";
import { CategoryBadge, PriorityBadge, StatusBadge } from "@/components/item-badges";
import { Markdown } from "@/components/markdown";
import { Card } from "@/components/ui/card";
import { useItem, useUnsavedChangesGuard, useUpdateItem, type ItemChanges } from "@/lib/backlog/client";
import type { ItemDetail } from "@/lib/backlog/schema";
import { valueText } from "@/lib/history/describe-event";
import type { ItemLinks } from "@/lib/item-links/schema";
import { phaseBoardUrl } from "@/lib/phases/schema";
import { EFFORT_FORMS, formatHours, parseEffort } from "@/lib/backlog/effort";
import { CATEGORIES, CATEGORY_LABELS, PRIORITIES, STATUSES, STATUS_LABELS } from "@/lib/backlog/schema";

type Option = { value: string; label: string };

/** `canEdit` false (viewers): the same page as read-only text, with no controls but Watch. */
type Props = {
  initial: ItemDetail;
  phases: { key: string; name: string }[];
  people: Option[];
  components: Option[];
  meId: string;
  /** "YYYY-MM-DD" on the server, so "overdue" reads the same before and after hydration. */
  today: string;
  canEdit: boolean;
  links: ItemLinks;
};

const selectClass = "mt-1 w-full rounded-md border border-line bg-white px-2 py-1.5 text-sm disabled:opacity-60";

export function ItemEditor({ initial, phases, people, components, meId, today, canEdit, links }: Props) {
  const { data: item, isFetching } = useItem(initial);
  const update = useUpdateItem(initial.product, initial.key);
  const saving = useUnsavedChangesGuard(initial.product, initial.key);
  const save = (changes: ItemChanges) => update.mutate(changes);
  const [editing, setEditing] = useState(false);

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <div>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-mono text-sm text-muted">{item.key}</p>
            <div className="flex items-center gap-2">
              <ItemWatchButton product={item.product} itemKey={item.key} watchers={item.watchers} meId={meId} />
              {canEdit && !editing && <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>Edit</Button>}
            </div>
          </div>
          <h1 className="text-2xl font-semibold">{item.title}</h1>
          <div className="mt-2 flex flex-wrap gap-2" data-testid="item-badges">
            <CategoryBadge category={item.category} />
            <PriorityBadge priority={item.priority} />
            <StatusBadge status={item.status} />
            {item.latestResult && (
              <span className={`text-xs ${item.latestResult === "passed" ? "text-green-800" : "text-red-700"}`}>
                Latest preflight result: {valueText("latestResult", item.latestResult).toLowerCase()}
              </span>
            )}
          </div>
          {/* The document's status line is markdown (`code`, **bold**): rendered, not shown raw. */}
          {item.statusNote && <div className="mt-2 text-gray-700" data-testid="status-note"><Markdown>{item.statusNote}</Markdown></div>}
        </div>
        {editing ? (
          <Card title="Edit item">
            <ItemContentForm
              item={item}
              components={components}
              saving={update.isPending}
              onCancel={() => setEditing(false)}
              onSave={(changes) => update.mutate(changes, { onSuccess: () => setEditing(false) })}
            />
          </Card>
        ) : (
          <Card title="Description">
            {/* From the query, not the server render: an edit or a live update shows at once. */}
            {item.description ? <Markdown>{item.description}</Markdown> : <p className="text-sm text-muted">No description.</p>}
          </Card>
        )}
        <Card title={`Required actions (${item.actions.filter((a) => a.done).length}/${item.actions.length} done)`}>
          {item.actions.length === 0 ? (
            <p className="text-sm text-muted">No actions listed.</p>
          ) : !canEdit ? (
            <ul className="space-y-2">
              {item.actions.map((action, index) => (
                <li key={index} className="flex items-start gap-2">
                  <span aria-hidden className={`mt-0.5 w-4 shrink-0 text-center ${action.done ? "text-green-700" : "text-muted"}`}>{action.done ? "✓" : "○"}</span>
                  <span className="sr-only">{action.done ? "Done:" : "Not done:"}</span>
                  <div className={action.done ? "text-muted line-through" : ""}>
                    <Markdown>{action.text}</Markdown>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <ul className="space-y-2">
              {item.actions.map((action, index) => (
                <li key={index} className="flex items-start gap-2">
                  <input
                    id={`action-${index}`}
                    type="checkbox"
                    checked={action.done}
                    onChange={(event) =>
                      save({ actions: item.actions.map((a, i) => (i === index ? { ...a, done: event.target.checked } : a)) })
                    }
                    className="mt-1 h-4 w-4"
                  />
                  <label htmlFor={`action-${index}`} className={action.done ? "text-muted line-through" : ""}>
                    <Markdown>{action.text}</Markdown>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="History" action={isFetching ? <span className="text-xs text-muted">Refreshing…</span> : null}>
          <HistoryTimeline events={item.history} />
        </Card>
      </div>
      <aside className="space-y-6">
        <Card title="Details" action={canEdit ? <span aria-live="polite" className="text-xs text-muted">{saving ? "Saving…" : ""}</span> : null}>
          {!canEdit ? (
            <dl className="space-y-3 text-sm" data-testid="item-details-readonly">
              <Field label="Status"><StatusBadge status={item.status} /></Field>
              <Field label="Priority"><PriorityBadge priority={item.priority} /></Field>
              <Field label="Category"><CategoryBadge category={item.category} /></Field>
              <Field label="Owner">{item.assignee?.name ?? <span className="text-muted">Unassigned</span>}</Field>
              <Field label="Due"><DueText item={item} today={today} /></Field>
              <Field label="Phase">{item.phase ? <Link href={phaseBoardUrl(item.phase.key, item.product)} className="text-blue-700 hover:underline">{item.phase.name}</Link> : <span className="text-muted">No phase</span>}</Field>
              <Field label="Effort">
                {item.effortText ?? <span className="text-muted">—</span>}
                {item.effortMaxHours !== null && item.effortMinHours !== null && (
                  <span className="text-xs text-muted"> (≈ {formatHours(item.effortMinHours, item.effortMaxHours)})</span>
                )}
              </Field>
            </dl>
          ) : (
            <div className="space-y-3">
              <label className="block text-xs font-medium text-muted">
                Status
                <select aria-label="Status" className={selectClass} value={item.status} onChange={(e) => save({ status: e.target.value as ItemDetail["status"] })}>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>{STATUS_LABELS[s]}</option>
                  ))}
                </select>
              </label>
              <label className="block text-xs font-medium text-muted">
                Priority
                <select aria-label="Priority" className={selectClass} value={item.priority ?? ""} onChange={(e) => save({ priority: (e.target.value || null) as ItemDetail["priority"] })}>
                  <option value="">None</option>
                  {PRIORITIES.map((p) => (
                    <option key={p} value={p}>{p}</option>
                  ))}
                </select>
              </label>
              <label className="block text-xs font-medium text-muted">
                Category
                <select aria-label="Category" className={selectClass} value={item.category} onChange={(e) => save({ category: e.target.value as ItemDetail["category"] })}>
                  {CATEGORIES.map((c) => (
                    <option key={c} value={c}>{CATEGORY_LABELS[c]}</option>
                  ))}
                </select>
              </label>
              <label className="block text-xs font-medium text-muted">
                Phase
                <select aria-label="Phase" className={selectClass} value={item.phase?.key ?? ""} onChange={(e) => save({ phase: e.target.value || null })}>
                  <option value="">No phase</option>
                  {phases.map((p) => (
                    <option key={p.key} value={p.key}>{p.name}</option>
                  ))}
                </select>
              </label>
              {item.phase && <Link href={phaseBoardUrl(item.phase.key, item.product)} className="-mt-2 block text-xs text-blue-700 hover:underline">Open the phase {item.phase.name}</Link>}
              <ItemPlanFields item={item} people={people} today={today} onSave={save} />
              <EffortField key={`${item.version}:${item.effortText}`} value={item.effortText} onSave={(effortText) => save({ effortText })} />
              {item.effortMaxHours !== null && item.effortMinHours !== null && (
                <p className="text-xs text-muted">≈ {formatHours(item.effortMinHours, item.effortMaxHours)}</p>
              )}
            </div>
          )}
        </Card>
        <Card title="Evidence">
          <dl className="space-y-2 text-sm">
            <Field label="Source">{item.source ?? "—"}</Field>
            <Field label="Files">
              {item.fileRefs.length ? (
                <ul>{item.fileRefs.map((f) => <li key={f} className="font-mono text-xs break-all">{f}</li>)}</ul>
              ) : "—"}
            </Field>
            <Field label="Preflight checks"><CheckLinks names={item.checkNames} hrefs={links.checks} /></Field>
            <Field label="Components"><ComponentLinks components={item.components} product={item.product} /></Field>
            <Field label="Requirements"><RequirementLinks codes={item.requirements} links={links.requirements} /></Field>
          </dl>
        </Card>
      </aside>
    </div>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Free text ("2-3 weeks"); saved on Enter or when focus leaves, parsed into hours by the server. */
function EffortField({ value, onSave }: { value: string | null; onSave: (value: string | null) => void }) {
  const [text, setText] = useState(value ?? "");
  // The server refuses an effort it cannot read; saying so here keeps the typed text to correct.
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    const next = text.trim() || null;
    if (next !== null && parseEffort(next) === null) {
      setError(`Effort must be ${EFFORT_FORMS}.`);
      return;
    }
    setError(null);
    if (next !== value) onSave(next);
  };
  return (
    <label className="block text-xs font-medium text-muted">
      Effort
      <input
        aria-label="Effort"
        aria-invalid={error !== null}
        aria-describedby={error ? "effort-error" : undefined}
        className={`${selectClass} aria-invalid:border-red-700`}
        value={text}
        placeholder="e.g. 1-2 days"
        maxLength={100}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
          if (e.key === "Escape") {
            setText(value ?? "");
            setError(null);
          }
        }}
      />
      {error && (
        <span id="effort-error" role="alert" className="mt-1 block font-normal text-red-800">
          {error}
        </span>
      )}
    </label>
  );
}
