"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useSetPhaseTarget, useSetProductPlan, type ProductPlanPatch } from "@/lib/forecast/client";

const SAVED = "Saved: the forecast is updated.";

/** "" (empty field) or a positive number of hours; anything else is refused before sending. */
function readHours(text: string): { value: number | null; error?: string } {
  if (text.trim() === "") return { value: null };
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? { value } : { value: null, error: "Enter a number of hours above 0, or leave it empty." };
}

/** The product's target date and the team's hours per week (engineers and admins). */
export function ProductPlanForm({ product, targetDate, hoursPerWeek }: { product: string; targetDate: string | null; hoursPerWeek: number | null }) {
  const router = useRouter();
  const save = useSetProductPlan(product);
  const [date, setDate] = useState(targetDate ?? "");
  const [hours, setHours] = useState(hoursPerWeek === null ? "" : String(hoursPerWeek));
  const parsedHours = readHours(hours);
  const patch: ProductPlanPatch = {
    ...((date || null) !== targetDate && { targetDate: date || null }),
    ...(!parsedHours.error && parsedHours.value !== hoursPerWeek && { hoursPerWeek: parsedHours.value }),
  };

  const send = (body: ProductPlanPatch) =>
    save.mutate(body, {
      onSuccess: () => {
        toast.success(SAVED);
        router.refresh();
      },
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (parsedHours.error || Object.keys(patch).length === 0) return;
    send(patch);
  };

  return (
    <form onSubmit={submit} aria-label="Product plan" className="space-y-2">
      <div className="grid gap-3 sm:grid-cols-[minmax(0,12rem)_minmax(0,10rem)_auto] sm:items-start">
        <TextField label="Target date" name="targetDate" type="date" value={date} onChange={(e) => setDate(e.target.value)} hint="When the product should be listed." />
        <TextField
          label="Hours per week"
          name="hoursPerWeek"
          type="number"
          inputMode="decimal"
          min="0"
          step="any"
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          error={parsedHours.error}
          hint="The team's capacity, used until there are 3 weeks of history."
        />
        <div className="flex flex-wrap gap-2 sm:mt-5">
          <Button type="submit" size="sm" disabled={save.isPending || Boolean(parsedHours.error) || Object.keys(patch).length === 0}>
            {save.isPending ? "Saving…" : "Save plan"}
          </Button>
          {targetDate && (
            <Button
              variant="secondary"
              size="sm"
              disabled={save.isPending}
              onClick={() => {
                setDate("");
                send({ targetDate: null });
              }}
            >
              Clear target date
            </Button>
          )}
        </div>
      </div>
      {save.isError && <Alert title="The plan was not saved">{save.error.message}</Alert>}
    </form>
  );
}

/** A phase's target date (engineers and admins). */
export function PhaseTargetForm({ product, phaseKey, version, targetDate }: { product: string; phaseKey: string; version: number; targetDate: string | null }) {
  const router = useRouter();
  const save = useSetPhaseTarget(product, phaseKey, version);
  const [date, setDate] = useState(targetDate ?? "");
  const changed = (date || null) !== targetDate;

  const send = (value: string | null) =>
    save.mutate(value, {
      onSuccess: () => {
        toast.success(SAVED);
        router.refresh();
      },
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (changed) send(date || null);
  };

  return (
    <form onSubmit={submit} aria-label="Phase target date" className="space-y-2">
      <div className="grid gap-3 sm:grid-cols-[minmax(0,12rem)_auto] sm:items-start">
        <TextField label="Target date" name="targetDate" type="date" value={date} onChange={(e) => setDate(e.target.value)} hint="When this phase should be done." />
        <div className="flex flex-wrap gap-2 sm:mt-5">
          <Button type="submit" size="sm" disabled={save.isPending || !changed}>
            {save.isPending ? "Saving…" : "Save target date"}
          </Button>
          {targetDate && (
            <Button
              variant="secondary"
              size="sm"
              disabled={save.isPending}
              onClick={() => {
                setDate("");
                send(null);
              }}
            >
              Clear target date
            </Button>
          )}
        </div>
      </div>
      {save.isError && <Alert title="The target date was not saved">{save.error.message}</Alert>}
    </form>
  );
}
