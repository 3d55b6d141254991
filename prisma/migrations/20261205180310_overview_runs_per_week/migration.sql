-- CreateIndex
CREATE INDEX "PreflightRun_productId_createdAt_passed_componentId_idx" ON "PreflightRun"("productId", "createdAt", "passed", "componentId");
