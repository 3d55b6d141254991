import type { Category, Priority, Status } from "@/lib/backlog/schema";

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
    policy: string;
  };
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
