import { RedHatConflicts } from "@/components/red-hat-conflicts";
import { Badge, type Tone } from "@/components/ui/badge";
import { DateText } from "@/components/ui/date-text";
import { ageText } from "@/lib/inbox/age";
import type { RedHatView } from "@/lib/pyxis/schema";
import { architectureText } from "@/lib/run-text";

const GRADE_TONE: Record<string, Tone> = { A: "green", B: "green", C: "amber", D: "red", E: "red", F: "red" };
const yesNo = (value: boolean | null) => (value === null ? "—" : value ? "yes" : "no");
const shortDigest = (digest: string) => digest.replace(/^sha256:/, "").slice(0, 12);

/**
 * What Red Hat's catalog says of the component, as the last sync stored it: its facts, the conflicts
 * with values people set, and every image Red Hat lists with its health grade per tag and architecture.
 */
export function RedHatPanel({ redHat, product, slug, canEdit, now }: { redHat: RedHatView; product: string; slug: string; canEdit: boolean; now: Date }) {
  if (!redHat.syncedAt) {
    return (
      <p className="text-sm text-muted" data-testid="red-hat-never">
        Not synced with Red Hat&apos;s catalog yet. Once this component has its Partner Connect project id and an admin connects the product (Settings → Integrations),
        Red Hat&apos;s certification status, host access, images and health grades appear here.
      </p>
    );
  }
  return (
    <div className="space-y-4 text-sm" data-testid="red-hat-panel">
      <p>
        From Red Hat, synced <time dateTime={redHat.syncedAt} title={redHat.syncedAt}>{ageText(redHat.syncedAt, now)}</time>
        {redHat.projectId && <span className="text-muted"> · project <span className="font-mono">{redHat.projectId}</span></span>}
      </p>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-4">
        <div>
          <dt className="text-xs text-muted">Certification status</dt>
          <dd>{redHat.certificationStatus ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Project</dt>
          <dd>{redHat.projectStatus ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Privileged (host access)</dt>
          <dd>{yesNo(redHat.privileged)}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Base</dt>
          <dd>{redHat.osContentType ?? "—"}</dd>
        </div>
      </dl>
      {redHat.conflicts.length > 0 && <RedHatConflicts conflicts={redHat.conflicts} product={product} slug={slug} canEdit={canEdit} />}
      {redHat.images.length === 0 ? (
        <p className="text-muted">Red Hat lists no image for this project yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="stack-table w-full text-left" aria-label="Images Red Hat lists">
            <thead className="text-xs text-muted">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Tags</th>
                <th scope="col" className="py-1 pr-3 font-medium">Architecture</th>
                <th scope="col" className="py-1 pr-3 font-medium">Health grade</th>
                <th scope="col" className="py-1 pr-3 font-medium">Certified</th>
                <th scope="col" className="py-1 pr-3 font-medium">Published</th>
                <th scope="col" className="py-1 font-medium">Checked here</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {redHat.images.map((image) => (
                <tr key={`${image.digest}-${image.architecture}`}>
                  <td className="py-1.5 pr-3" data-label="Tags">
                    {image.tags.length ? image.tags.join(", ") : <span className="text-muted">no tag</span>}
                    <span className="block font-mono text-xs text-muted" title={image.digest}>{shortDigest(image.digest)}</span>
                  </td>
                  <td className="py-1.5 pr-3" data-label="Architecture">{architectureText(image.architecture)}</td>
                  <td className="py-1.5 pr-3" data-label="Health grade">
                    {image.grade ? (
                      <span className="flex flex-wrap items-center gap-1">
                        <Badge tone={GRADE_TONE[image.grade] ?? "gray"}>{image.grade}</Badge>
                        {image.gradeUntil && (
                          <span className="text-xs text-muted">
                            until <DateText iso={image.gradeUntil} />
                          </span>
                        )}
                      </span>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="py-1.5 pr-3" data-label="Certified">{yesNo(image.certified)}</td>
                  <td className="py-1.5 pr-3" data-label="Published">{yesNo(image.published)}</td>
                  <td className="py-1.5" data-label="Checked here">{image.seenInRun ? "yes" : <span className="text-muted">no run here yet</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
