-- Evidence you can trust: runs that belong to no component yet (stored per product), sign-offs of
-- requirements no preflight check verifies, the images a bundle references, the certification
-- project id, expected architectures, and submitted runs.

CREATE TYPE "SignOffStatus" AS ENUM ('met', 'not_met', 'not_applicable');

-- Components: the Partner Connect id had no writer yet; renamed to the name people use for it.
ALTER TABLE "Component" RENAME COLUMN "pyxisProjectId" TO "connectProjectId";
ALTER TABLE "Component"
  ADD COLUMN "architectures" TEXT[] DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "architecturesSetBy" TEXT,
  ALTER COLUMN "osContentType" SET DEFAULT 'unknown';

-- Runs: every run belongs to a product (its component's, for the runs stored so far).
ALTER TABLE "PreflightRun"
  ADD COLUMN "assignedAt" TIMESTAMP(3),
  ADD COLUMN "assignedBy" TEXT,
  ADD COLUMN "productId" UUID,
  ADD COLUMN "submissionUrls" TEXT[] DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "submitted" BOOLEAN NOT NULL DEFAULT false,
  ALTER COLUMN "componentId" DROP NOT NULL;
UPDATE "PreflightRun" r SET "productId" = c."productId" FROM "Component" c WHERE c."id" = r."componentId";
-- Runs stored before this migration whose log said they were submitted.
UPDATE "PreflightRun" SET "submitted" = true WHERE "log" LIKE '%Test results have been submitted to Red Hat%';
ALTER TABLE "PreflightRun" ALTER COLUMN "productId" SET NOT NULL;

ALTER TABLE "Requirement" ADD COLUMN "derivedFrom" TEXT;

CREATE TABLE "ComponentReference" (
    "bundleId" UUID NOT NULL,
    "componentId" UUID NOT NULL,

    CONSTRAINT "ComponentReference_pkey" PRIMARY KEY ("bundleId","componentId")
);

CREATE TABLE "RequirementSignOff" (
    "id" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "componentId" UUID,
    "subject" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "status" "SignOffStatus" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "expiresAt" TIMESTAMP(3),
    "actor" TEXT NOT NULL,
    "userId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequirementSignOff_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ComponentReference_componentId_idx" ON "ComponentReference"("componentId");
CREATE INDEX "RequirementSignOff_productId_subject_code_createdAt_idx" ON "RequirementSignOff"("productId", "subject", "code", "createdAt");
CREATE INDEX "PreflightRun_productId_componentId_createdAt_idx" ON "PreflightRun"("productId", "componentId", "createdAt");

ALTER TABLE "ComponentReference" ADD CONSTRAINT "ComponentReference_bundleId_fkey" FOREIGN KEY ("bundleId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ComponentReference" ADD CONSTRAINT "ComponentReference_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RequirementSignOff" ADD CONSTRAINT "RequirementSignOff_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RequirementSignOff" ADD CONSTRAINT "RequirementSignOff_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PreflightRun" ADD CONSTRAINT "PreflightRun_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Live updates: runs reach their product through their own "productId" now (an unassigned run has
-- no component, so its key is null); sign-offs (key: the requirement code) and bundle references
-- notify like the rest. Fields are read from NEW/OLD directly: to_jsonb(NEW) would copy a run's
-- stored document on every write.
CREATE OR REPLACE FUNCTION certboard_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  product_id uuid;
  product_slug text;
  change_key text;
BEGIN
  -- NEW is NULL on DELETE and OLD is NULL on INSERT, so COALESCE reads whichever row exists.
  CASE TG_ARGV[0]
    WHEN 'product' THEN
      product_id := COALESCE(NEW."productId", OLD."productId");
      IF TG_ARGV[1] = 'slug' THEN
        change_key := COALESCE(NEW."slug", OLD."slug");
      ELSIF TG_ARGV[1] = 'key' THEN
        change_key := COALESCE(NEW."key", OLD."key");
      ELSIF TG_ARGV[1] = 'code' THEN
        change_key := COALESCE(NEW."code", OLD."code");
      END IF;
    WHEN 'run' THEN
      product_id := COALESCE(NEW."productId", OLD."productId");
      SELECT c."slug" INTO change_key FROM "Component" c WHERE c."id" = COALESCE(NEW."componentId", OLD."componentId");
    WHEN 'component' THEN
      SELECT c."productId", c."slug" INTO product_id, change_key
        FROM "Component" c WHERE c."id" = COALESCE(NEW."componentId", OLD."componentId");
    WHEN 'item' THEN
      SELECT i."productId", i."key" INTO product_id, change_key
        FROM "BacklogItem" i WHERE i."id" = COALESCE(NEW."itemId", OLD."itemId");
    WHEN 'phase' THEN
      SELECT p."productId", p."key" INTO product_id, change_key
        FROM "Phase" p WHERE p."id" = COALESCE(NEW."phaseId", OLD."phaseId");
    ELSE
      RAISE EXCEPTION 'certboard_notify_change: unknown mode %', TG_ARGV[0];
  END CASE;
  IF product_id IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT p."slug" INTO product_slug FROM "Product" p WHERE p."id" = product_id;
  PERFORM pg_notify('certboard_changes', json_build_object(
    'v', 1,
    'productId', product_id,
    'product', left(product_slug, 200),
    'table', TG_TABLE_NAME,
    'op', lower(TG_OP),
    'key', left(change_key, 200)
  )::text);
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "certboard_notify" ON "PreflightRun";
CREATE TRIGGER "certboard_notify" AFTER INSERT OR UPDATE OR DELETE ON "PreflightRun"
  FOR EACH ROW EXECUTE FUNCTION certboard_notify_change('run', '');
CREATE TRIGGER "certboard_notify" AFTER INSERT OR UPDATE OR DELETE ON "RequirementSignOff"
  FOR EACH ROW EXECUTE FUNCTION certboard_notify_change('product', 'code');
CREATE TRIGGER "certboard_notify" AFTER INSERT OR UPDATE OR DELETE ON "ComponentReference"
  FOR EACH ROW EXECUTE FUNCTION certboard_notify_change('component', '');
