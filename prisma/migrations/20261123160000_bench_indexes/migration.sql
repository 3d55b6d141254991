-- Indexes found missing by `npm run bench` (EXPLAIN on 100,000 runs and 1,000,000 check results, docs/benchmarks.md):
-- the newest runs of one component across architectures, and one check of one run.

-- DropIndex
DROP INDEX "CheckResult_runId_idx";

-- CreateIndex
CREATE INDEX "CheckResult_runId_canonicalName_idx" ON "CheckResult"("runId", "canonicalName");

-- CreateIndex
CREATE INDEX "PreflightRun_componentId_createdAt_idx" ON "PreflightRun"("componentId", "createdAt");
