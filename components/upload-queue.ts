import { useEffect, useState, type Dispatch, type SetStateAction } from "react";
import { ApiError } from "@/lib/api-client";
import { sendPreflightUpload, type UploadResult } from "@/lib/preflight/client";
import { requestFor, type PlannedUpload, type UploadTarget } from "@/lib/preflight/upload-plan";

// Uploads run two at a time: enough to keep the connection busy, few enough that one large
// folder does not starve the rest and the server ingests them without queueing on its locks.
const CONCURRENCY = 2;

export type UploadStatus = "queued" | "uploading" | "processing" | "done" | "failed" | "skipped";

export type UploadRowState = {
  id: number;
  plan: PlannedUpload;
  target: UploadTarget;
  status: UploadStatus;
  loaded: number;
  total: number;
  result: UploadResult | null;
  error: string | null;
  /** Network trouble, a cancellation or a server fault: sending the same bytes again may work. */
  retryable: boolean;
};

const retryable = (error: unknown) => !(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500;

class UploadQueue {
  private waiting: number[] = [];
  private rows = new Map<number, UploadRowState>();
  private controllers = new Map<number, AbortController>();
  private active = 0;
  private nextId = 1;

  constructor(private readonly publish: Dispatch<SetStateAction<UploadRowState[]>>) {}

  add(plans: PlannedUpload[], target: UploadTarget): void {
    for (const plan of plans) {
      const id = this.nextId++;
      const skipped = plan.kind === "skipped";
      const bytes = skipped ? 0 : plan.bytes;
      this.rows.set(id, { id, plan, target, status: skipped ? "skipped" : "queued", loaded: 0, total: bytes, result: null, error: null, retryable: false });
      if (!skipped) this.waiting.push(id);
    }
    this.emit();
    this.pump();
  }

  retry(id: number): void {
    const row = this.rows.get(id);
    if (!row || row.status !== "failed" || !row.retryable) return;
    this.patch(id, { status: "queued", loaded: 0, error: null });
    this.waiting.push(id);
    this.pump();
  }

  /** Queued uploads are dropped; one being sent is aborted. Once the bytes are sent it is the server's. */
  cancel(id: number): void {
    const row = this.rows.get(id);
    if (row?.status === "queued") {
      this.waiting = this.waiting.filter((waiting) => waiting !== id);
      this.patch(id, { status: "failed", error: "Upload cancelled.", retryable: true });
    } else if (row?.status === "uploading") {
      this.controllers.get(id)?.abort();
    }
  }

  clearFinished(): void {
    for (const [id, row] of this.rows) if (row.status === "done" || row.status === "failed" || row.status === "skipped") this.rows.delete(id);
    this.emit();
  }

  private pump(): void {
    while (this.active < CONCURRENCY) {
      const id = this.waiting.shift();
      if (id === undefined) return;
      const row = this.rows.get(id);
      if (!row || row.plan.kind === "skipped") continue;
      this.active++;
      const controller = new AbortController();
      this.controllers.set(id, controller);
      this.patch(id, { status: "uploading" });
      sendPreflightUpload({
        ...requestFor(row.plan, row.target),
        signal: controller.signal,
        onProgress: ({ loaded, total }) => this.patch(id, { loaded, total }),
        onSent: () => this.patch(id, { status: "processing" }),
      })
        .then(
          (result) => this.patch(id, { status: "done", result }),
          (error: unknown) =>
            this.patch(id, { status: "failed", error: error instanceof ApiError ? error.message : "The upload failed.", retryable: retryable(error) }),
        )
        .finally(() => {
          this.active--;
          this.controllers.delete(id);
          this.pump();
        });
    }
  }

  private patch(id: number, change: Partial<UploadRowState>): void {
    const row = this.rows.get(id);
    if (!row) return;
    this.rows.set(id, { ...row, ...change });
    this.emit();
  }

  private emit(): void {
    this.publish([...this.rows.values()]);
  }
}

/** The upload rows and the actions on them; warns before the tab closes while uploads are unfinished. */
export function useUploadQueue() {
  const [rows, setRows] = useState<UploadRowState[]>([]);
  const [queue] = useState(() => new UploadQueue(setRows));
  const busy = rows.some((row) => row.status === "queued" || row.status === "uploading" || row.status === "processing");

  useEffect(() => {
    if (!busy) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [busy]);

  return { rows, queue };
}
