-- CreateTable
CREATE TABLE "PreflightRunDay" (
    "productId" UUID NOT NULL,
    "componentId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "passed" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PreflightRunDay_pkey" PRIMARY KEY ("productId","day","componentId")
);

-- CreateIndex
CREATE INDEX "PreflightRunDay_componentId_idx" ON "PreflightRunDay"("componentId");

-- AddForeignKey
ALTER TABLE "PreflightRunDay" ADD CONSTRAINT "PreflightRunDay_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreflightRunDay" ADD CONSTRAINT "PreflightRunDay_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The rollup is kept by the database, whatever writes the runs (upload, assignment, a component's
-- or product's deletion, a restore's COPY): statement triggers with transition tables, so a bulk
-- insert upserts each (product, day, component) once. A decrement only updates (never inserts): a
-- cascade from a deleted product or component may have removed the row already. An update counts
-- only the runs whose product, component, day or outcome changed.
CREATE FUNCTION "preflight_run_days_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM "PreflightRunDay";
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO "PreflightRunDay" ("productId", "componentId", "day", "passed", "failed")
    SELECT r."productId", r."componentId", r."createdAt"::date, count(*) FILTER (WHERE r."passed")::int, count(*) FILTER (WHERE NOT r."passed")::int
    FROM new_runs r WHERE r."componentId" IS NOT NULL
    GROUP BY 1, 2, 3
    -- One order for every writer, so two bulk writes cannot deadlock on these rows.
    ORDER BY 1, 3, 2
    ON CONFLICT ("productId", "day", "componentId") DO UPDATE
      SET "passed" = "PreflightRunDay"."passed" + EXCLUDED."passed", "failed" = "PreflightRunDay"."failed" + EXCLUDED."failed";
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "PreflightRunDay" d SET "passed" = d."passed" - o."passed", "failed" = d."failed" - o."failed"
    FROM (
      SELECT r."productId", r."componentId", r."createdAt"::date AS day,
        count(*) FILTER (WHERE r."passed")::int AS "passed", count(*) FILTER (WHERE NOT r."passed")::int AS "failed"
      FROM old_runs r WHERE r."componentId" IS NOT NULL
      GROUP BY 1, 2, 3
    ) o
    WHERE d."productId" = o."productId" AND d."day" = o.day AND d."componentId" = o."componentId";
  ELSE
    UPDATE "PreflightRunDay" d SET "passed" = d."passed" - o."passed", "failed" = d."failed" - o."failed"
    FROM (
      SELECT r."productId", r."componentId", r."createdAt"::date AS day,
        count(*) FILTER (WHERE r."passed")::int AS "passed", count(*) FILTER (WHERE NOT r."passed")::int AS "failed"
      FROM old_runs r JOIN new_runs n ON n."id" = r."id"
      WHERE r."componentId" IS NOT NULL
        AND (n."productId", n."componentId", n."createdAt"::date, n."passed") IS DISTINCT FROM (r."productId", r."componentId", r."createdAt"::date, r."passed")
      GROUP BY 1, 2, 3
    ) o
    WHERE d."productId" = o."productId" AND d."day" = o.day AND d."componentId" = o."componentId";
    INSERT INTO "PreflightRunDay" ("productId", "componentId", "day", "passed", "failed")
    SELECT n."productId", n."componentId", n."createdAt"::date, count(*) FILTER (WHERE n."passed")::int, count(*) FILTER (WHERE NOT n."passed")::int
    FROM new_runs n JOIN old_runs r ON r."id" = n."id"
    WHERE n."componentId" IS NOT NULL
      AND (n."productId", n."componentId", n."createdAt"::date, n."passed") IS DISTINCT FROM (r."productId", r."componentId", r."createdAt"::date, r."passed")
    GROUP BY 1, 2, 3
    ORDER BY 1, 3, 2
    ON CONFLICT ("productId", "day", "componentId") DO UPDATE
      SET "passed" = "PreflightRunDay"."passed" + EXCLUDED."passed", "failed" = "PreflightRunDay"."failed" + EXCLUDED."failed";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "PreflightRun_days_insert" AFTER INSERT ON "PreflightRun"
  REFERENCING NEW TABLE AS new_runs FOR EACH STATEMENT EXECUTE FUNCTION "preflight_run_days_apply"();
CREATE TRIGGER "PreflightRun_days_update" AFTER UPDATE ON "PreflightRun"
  REFERENCING OLD TABLE AS old_runs NEW TABLE AS new_runs FOR EACH STATEMENT EXECUTE FUNCTION "preflight_run_days_apply"();
CREATE TRIGGER "PreflightRun_days_delete" AFTER DELETE ON "PreflightRun"
  REFERENCING OLD TABLE AS old_runs FOR EACH STATEMENT EXECUTE FUNCTION "preflight_run_days_apply"();
CREATE TRIGGER "PreflightRun_days_truncate" AFTER TRUNCATE ON "PreflightRun"
  FOR EACH STATEMENT EXECUTE FUNCTION "preflight_run_days_apply"();

-- The runs stored before this migration.
INSERT INTO "PreflightRunDay" ("productId", "componentId", "day", "passed", "failed")
SELECT "productId", "componentId", "createdAt"::date, count(*) FILTER (WHERE "passed")::int, count(*) FILTER (WHERE NOT "passed")::int
FROM "PreflightRun" WHERE "componentId" IS NOT NULL
GROUP BY 1, 2, 3;
