-- CreateIndex
CREATE INDEX "PreflightRun_componentId_submitted_architecture_createdAt_idx" ON "PreflightRun"("componentId", "submitted", "architecture", "createdAt");
