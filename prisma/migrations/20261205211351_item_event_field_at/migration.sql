-- CreateIndex
CREATE INDEX "ItemEvent_field_at_idx" ON "ItemEvent"("field", "at");
