"use client";

import { useId, useRef, useState, type DragEvent } from "react";
import { readDrop } from "@/components/upload-drop";
import { pickedFromFolderInput, planUploads, type Picked } from "@/lib/preflight/upload-plan";
import { useUploadQueue } from "@/components/upload-queue";
import { UploadRow } from "@/components/upload-row";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

const ARCH = /^[a-z0-9_]{1,20}$/;
// React's types lack webkitdirectory; every current browser honours the attribute (rendered on the server too).
const FOLDER_PICKER: Record<string, string> = { webkitdirectory: "" };
const ACCEPT = ".json,.log,.gz,.tgz,.zip,application/json,application/gzip,application/zip";

type Props = { product?: string; components: { slug: string; name: string }[]; architectures: readonly string[] };

/** Drop or pick results files, folders and archives; each becomes a row that uploads, two at a time. */
export function UploadDropzone({ product, components, architectures }: Props) {
  const listId = useId();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [component, setComponent] = useState("");
  const [arch, setArch] = useState("");
  const [dragging, setDragging] = useState(false);
  const { rows, queue } = useUploadQueue();

  const archError = arch && !ARCH.test(arch) ? "Lower-case letters, digits and _ only, such as amd64 or arm64." : undefined;
  const componentError = component.length > 100 ? "At most 100 characters." : undefined;
  const invalid = Boolean(archError || componentError);

  function enqueue(picked: Picked) {
    if (invalid) return;
    const plans = planUploads(picked);
    if (plans.length > 0) queue.add(plans, { product, component: component || undefined, arch: arch || undefined });
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (!invalid) void readDrop(event.dataTransfer).then(enqueue);
  }

  const count = (status: string) => rows.filter((row) => row.status === status).length;
  const active = count("uploading") + count("processing");
  const finished = count("done") + count("failed") + count("skipped");

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Component (optional)"
          name="component"
          value={component}
          onChange={(e) => setComponent(e.target.value.trim())}
          list={`${listId}-components`}
          placeholder="found from the image"
          error={componentError}
          hint="Applied to every upload below. Leave empty to match each run to the component registered for its image; runs of other images wait, unassigned, on the Runs page."
          autoComplete="off"
        />
        <TextField
          label="Architecture (optional)"
          name="arch"
          value={arch}
          onChange={(e) => setArch(e.target.value.trim())}
          list={`${listId}-architectures`}
          placeholder="from the files"
          error={archError}
          hint="Used only when the files do not say; cert-image.json and artifacts/<arch>/ paths win."
          autoComplete="off"
        />
        <datalist id={`${listId}-components`}>
          {components.map((c) => <option key={c.slug} value={c.slug}>{c.name}</option>)}
        </datalist>
        <datalist id={`${listId}-architectures`}>
          {architectures.map((a) => <option key={a} value={a} />)}
        </datalist>
      </div>

      <div
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = invalid ? "none" : "copy";
          setDragging(true);
        }}
        onDragLeave={(event) => {
          const next = event.relatedTarget;
          if (!(next instanceof Node) || !event.currentTarget.contains(next)) setDragging(false);
        }}
        onDrop={onDrop}
        data-testid="upload-dropzone"
        className={`rounded-lg border-2 border-dashed p-6 text-center ${dragging ? "border-blue-600 bg-blue-50" : "border-line bg-white"}`}
      >
        <p className="text-sm font-medium">Drop results.json files, results folders or archives here</p>
        <p className="mt-1 text-xs text-muted">
          Each results.json is its own upload; a folder goes as one upload with its results.json, cert-image.json and log files;
          .tar.gz, .tgz, .gz and .zip archives go one by one.
        </p>
        <div className="mt-4 flex flex-wrap justify-center gap-2">
          <Button variant="secondary" disabled={invalid} onClick={() => filesInput.current?.click()}>Choose files</Button>
          <Button variant="secondary" disabled={invalid} onClick={() => folderInput.current?.click()}>Choose a folder</Button>
        </div>
        <input
          ref={filesInput}
          type="file"
          multiple
          accept={ACCEPT}
          className="hidden"
          data-testid="upload-files"
          onChange={(event) => {
            enqueue({ loose: Array.from(event.target.files ?? []), folders: [] });
            event.target.value = "";
          }}
        />
        <input
          ref={folderInput}
          {...FOLDER_PICKER}
          type="file"
          multiple
          className="hidden"
          data-testid="upload-folder"
          onChange={(event) => {
            enqueue(pickedFromFolderInput(Array.from(event.target.files ?? [])));
            event.target.value = "";
          }}
        />
      </div>

      {rows.length > 0 && (
        <section aria-label="Uploads" className="space-y-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-muted" aria-live="polite">
              {count("queued")} waiting, {active} in progress, {count("done")} stored, {count("failed") + count("skipped")} not stored
            </p>
            {finished > 0 && (
              <Button variant="secondary" size="sm" onClick={() => queue.clearFinished()}>Clear finished</Button>
            )}
          </div>
          <ul className="space-y-2">
            {rows.map((row) => (
              <UploadRow key={row.id} row={row} onRetry={(id) => queue.retry(id)} onCancel={(id) => queue.cancel(id)} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
