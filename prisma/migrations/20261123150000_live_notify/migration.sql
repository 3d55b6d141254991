-- Live updates: every committed write to a table a board shows sends one notification on the
-- channel "certboard_changes", whichever door made it (web, REST API, CLI, import, preflight
-- ingestion, another server process). NOTIFY is transactional: a rolled-back write sends nothing,
-- and identical notifications within one transaction are folded into one by PostgreSQL.
-- Triggers and functions are not part of the Prisma schema, so `migrate diff` never sees them.
--
-- Payload (JSON, far below the 8000-byte limit):
--   {"v":1,"productId":"<uuid>","product":"<slug>","table":"BacklogItem","op":"update","key":"P0-2"}
-- "key" is the item or phase key, or the component slug (for runs, tags and exceptions: their
-- component's). Rows whose product cannot be found (a child deleted with its parent) send
-- nothing: the parent's own trigger already did.
--
-- TG_ARGV[0] says how a table reaches its product: 'product' (its own "productId", TG_ARGV[1]
-- names the key column), 'component' ("componentId"), 'item' ("itemId") or 'phase' ("phaseId").
-- A new table is attached with one statement, e.g.
--   CREATE TRIGGER "certboard_notify" AFTER INSERT OR UPDATE OR DELETE ON "X"
--     FOR EACH ROW EXECUTE FUNCTION certboard_notify_change('component');
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
      END IF;
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

-- Tables added by later migrations are attached only when present, so this file applies to any
-- database at this point of the history.
DO $do$
DECLARE
  spec text[];
BEGIN
  FOREACH spec SLICE 1 IN ARRAY ARRAY[
    ARRAY['BacklogItem', 'product', 'key'],
    ARRAY['Phase', 'product', 'key'],
    ARRAY['Component', 'product', 'slug'],
    ARRAY['ItemEvent', 'item', ''],
    ARRAY['ItemComponent', 'item', ''],
    ARRAY['Comment', 'item', ''],
    ARRAY['PreflightRun', 'component', ''],
    ARRAY['ImageTag', 'component', ''],
    ARRAY['ComponentException', 'component', ''],
    ARRAY['PhaseDependency', 'phase', ''],
    ARRAY['PhaseComponentGate', 'phase', '']
  ] LOOP
    IF to_regclass(format('%I', spec[1])) IS NOT NULL THEN
      EXECUTE format('DROP TRIGGER IF EXISTS "certboard_notify" ON %I', spec[1]);
      EXECUTE format(
        'CREATE TRIGGER "certboard_notify" AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION certboard_notify_change(%L, %L)',
        spec[1], spec[2], spec[3]
      );
    END IF;
  END LOOP;
END;
$do$;
