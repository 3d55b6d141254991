import { z } from "zod";
import type { ForecastStatus, Projection } from "@/lib/forecast/projection";
import { emptyToUndefined } from "@/lib/query-params";

// The forecast's query and wire shape (safe in the browser).

/** GET /api/v1/forecast?product=SLUG&phase=KEY */
export const forecastQuerySchema = z.object({
  product: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
  phase: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
});

export type { ForecastStatus };

/**
 * What the projection stands on: the team's weekly throughput, the remaining effort at the
 * product's hours per week, nothing left to do, or nothing to stand on.
 */
export type ForecastBasis = "throughput" | "effort" | "done" | "none";

export type RemainingWork = {
  items: number;
  /** Open critical blockers among `items`. */
  blockers: number;
  minHours: number;
  maxHours: number;
  /** Open items without an effort estimate. */
  unestimated: number;
};

/** A quantity the forecast's sentence states. */
export type SentenceFigure =
  | "open-items"
  | "open-critical-blockers"
  | "unestimated"
  | "waiting-items"
  | "pace"
  | "hours-per-week"
  | "remaining-effort"
  | "p85"
  | "p50"
  | "target-date";

export type Forecast = {
  product: string;
  phase: { key: string; order: number; name: string } | null;
  status: ForecastStatus;
  /** One sentence a product manager can repeat. */
  sentence: string;
  /** What the sentence states, so a page showing it beside other figures states none of them twice. */
  sentenceFigures: SentenceFigure[];
  /** YYYY-MM-DD, or null when none is set. */
  targetDate: string | null;
  hoursPerWeek: number | null;
  /** The day the forecast was made for (YYYY-MM-DD, UTC). */
  asOf: string;
  basis: ForecastBasis;
  /** Days (YYYY-MM-DD) by which the work is 50% and 85% likely done; null when nothing allows a projection. */
  projected: { p50: string | null; p85: string | null };
  /** This product's (or phase's) own open work. */
  remaining: RemainingWork;
  /** Open phases this phase waits on, directly or not: their work is counted before this phase can finish. */
  prerequisites: ({ key: string; order: number; name: string } & RemainingWork)[];
  /** Items closed in each of the last full weeks, oldest first (the whole product's team). */
  throughput: { weeks: number; itemsPerWeek: number[] };
  reasons: string[];
};

export const FORECAST_STATUS_LABELS: Record<ForecastStatus, string> = {
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  no_target: "No target date",
};

export const FORECAST_STATUS_TONES = { on_track: "green", at_risk: "amber", off_track: "red", no_target: "gray" } as const satisfies Record<ForecastStatus, string>;

/** Everything a forecast is computed from (lib/forecast/forecast.ts), `now` included. */
export type ForecastInput = {
  product: string;
  phase: { key: string; order: number; name: string; completedAt: Date | null } | null;
  now: Date;
  targetDate: Date | null;
  hoursPerWeek: number | null;
  own: RemainingWork;
  prerequisites: Forecast["prerequisites"];
  /** Names of the components a phase is gated on that are not yet certified and published. */
  waitingImages: string[];
  /** Items closed in each full week, oldest first. */
  weeklyClosed: number[];
  /** When nothing remains: the moment the last item closed, if known. */
  finishedOn: Date | null;
  seed?: number;
};

/** What the projection stands on, and why when it is not the throughput. */
export type Basis =
  | { basis: "throughput"; weeks: Projection }
  | { basis: "effort"; weeks: Projection; because: "too_little_history" | "no_throughput" }
  /** `on` null: everything is closed, but no history says when (imported or created closed). */
  | { basis: "done"; on: Date | null; phaseCompleted: boolean }
  | { basis: "none"; because: "too_little_history" | "no_throughput"; missing: "hours_per_week" | "estimates" };

// ---- Response schema (the OpenAPI document; lib/openapi) ------------------------------------

const remainingWorkSchema = z.object({ items: z.int(), blockers: z.int(), minHours: z.number(), maxHours: z.number(), unestimated: z.int() });
const forecastPhaseRef = z.object({ key: z.string(), order: z.int(), name: z.string() });

export const forecastSchema = z
  .object({
    product: z.string(),
    phase: forecastPhaseRef.nullable(),
    status: z.enum(["on_track", "at_risk", "off_track", "no_target"]),
    sentence: z.string(),
    sentenceFigures: z.array(z.string()),
    targetDate: z.string().nullable().meta({ description: "YYYY-MM-DD, or null." }),
    hoursPerWeek: z.number().nullable(),
    asOf: z.string().meta({ description: "The day the forecast was made for (YYYY-MM-DD, UTC)." }),
    basis: z.enum(["throughput", "effort", "done", "none"]),
    projected: z.object({ p50: z.string().nullable(), p85: z.string().nullable() }),
    remaining: remainingWorkSchema,
    prerequisites: z.array(forecastPhaseRef.extend(remainingWorkSchema.shape)),
    throughput: z.object({ weeks: z.int(), itemsPerWeek: z.array(z.number()) }),
    reasons: z.array(z.string()),
  })
  .meta({ id: "Forecast" });
