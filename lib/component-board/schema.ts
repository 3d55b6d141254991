import type { Category, Priority, Status } from "@/lib/backlog/schema";
import type { ExceptionView } from "@/lib/exceptions/schema";
import type { PhaseWaitingOn } from "@/lib/phases/schema";
import type { RemainingRequirement } from "@/lib/readiness/schema";
import type { Evidence, MatrixRow } from "@/lib/requirements/matrix";
import type { SignOffView } from "@/lib/requirements/schema";

// Wire shape of GET /api/v1/components/{slug}: the per-component board.

export type BoardRunView = {
  id: string;
  imageTag: string | null;
  imageDigest: string | null;
  architecture: string;
  passed: boolean;
  counts: { passed: number; failed: number; errors: number };
  preflightVersion: string;
  createdAt: string;
};

export type ComponentBoard = {
  product: string;
  component: {
    slug: string;
    name: string;
    type: string;
    role: string;
    registry: string | null;
    repository: string | null;
    placeholder: boolean;
    certificationStatus: string;
    hostAccess: string;
    osContentType: string;
    owner: string | null;
    connectProjectId: string | null;
    /** Partner Connect's page of the certification project, when its id is known. */
    connectProjectUrl: string | null;
    /** Architectures every release is checked on: set by a person, or learned from the runs. */
    architectures: string[];
    architecturesSetBy: string | null;
    /** For a bundle: the images it references as kept on the bundle (empty: its phases' gates stand in). */
    references: { slug: string; name: string }[];
    version: number;
    policy: string;
    policyReason: string;
  };
  /** The blocking requirements not yet settled ("what remains before we are listed"). */
  remaining: RemainingRequirement[];
  requirements: { rows: MatrixRow[]; counts: Record<Evidence, number> };
  /** Every sign-off of this component, newest first (the matrix shows the one in force). */
  signOffHistory: (SignOffView & { code: string })[];
  exceptions: ExceptionView[];
  /** Phases gated on this component (e.g. bundle certification waiting for it to be published). */
  phasesWaiting: PhaseWaitingOn[];
  warnings: string[];
  openByCategory: Record<Category, number>;
  items: { key: string; title: string; category: Category; status: Status; priority: Priority | null; open: boolean }[];
  grid: { tags: string[]; architectures: string[]; cells: { tag: string; architecture: string; run: BoardRunView | null }[] };
  staleness: { architecture: string; daysSinceLastPass: number | null; lastRunAt: string }[];
  history: {
    id: string;
    tag: string | null;
    architecture: string;
    passed: boolean;
    counts: { passed: number; failed: number; errors: number };
    preflightVersion: string;
    policy: string | null;
    actor: string;
    createdAt: string;
    diff: { newlyFailed?: string[]; newlyPassed?: string[]; newlyErrored?: string[] } | null;
  }[];
};

/** One row of the /components index: what the component is and how its newest runs went. */
export type ComponentIndexRow = {
  slug: string;
  name: string;
  type: string;
  /** registry/repository, or null while the image is to be decided. */
  image: string | null;
  certificationStatus: string;
  openItems: number;
  /** The newest run of each architecture, by architecture. */
  latest: { architecture: string; runId: string; passed: boolean; failed: number; errors: number; createdAt: string }[];
};
