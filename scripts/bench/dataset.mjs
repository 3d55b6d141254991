/**
 * The synthetic dataset, generated inside PostgreSQL with INSERT … SELECT generate_series (no rows
 * cross the wire), in the tables and columns of prisma/schema.prisma, ids from gen_random_uuid().
 *
 * Shape, for sizes C components × A architectures × R runs × K checks, I items, E events, D days:
 * - one product; five phases (each depending on the previous one, the last gated on every component);
 * - C container components `comp-001`…, image quay.io/certboard-bench/comp-NNN;
 * - R builds per component (tag 1.0.<b>, one ImageTag each), spread evenly over the last D days,
 *   each checked by preflight on every architecture: C·A·R PreflightRun rows, in arrival order
 *   (builds of all components interleaved, as CI uploads them), each holding a results.json of the
 *   genuine shape as its original bytes, its counts and its diff against the previous build;
 * - K CheckResult rows per run: a check fails for stretches of 25 builds (4 % of stretches, on
 *   every architecture) and errors once in a while (0.4 %), from hashes of (component, check, build);
 * - I items: first one item per (component, known check), as ingestion opens them (`PF-n`, linked to
 *   its component, mostly verified done), then backlog items `BL-n` across categories, statuses,
 *   priorities and phases; each linked to a component, every tenth to a second one;
 * - E events: every item's "created", then status, latestResult, priority and effort changes at
 *   random times after the item was created.
 * Notification triggers and foreign-key checks are off while loading (session_replication_role),
 * when the role may do that: the rows are consistent by construction.
 */
import { benchChecks } from "./payload.mjs";

export const BENCH_ARCHS = ["amd64", "arm64", "ppc64le", "s390x", "riscv64", "mips64le", "386", "arm"];
const PREFLIGHT_VERSIONS = ["1.19.2", "1.20.0", "1.21.0"];
const ROLES = ["operator", "device_plugin", "kmod_driver", "scheduler", "scheduler_extension", "node_metrics", "other"];

/**
 * @param {import("pg").Client} client connected to a migrated database
 * @param {import("./options.mjs").BenchOptions["sizes"]} sizes
 * @param {{ product?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<{ productId: string, product: string, components: string[], archs: string[], seconds: Record<string, number> }>}
 */
export async function generateDataset(client, sizes, options = {}) {
  const product = options.product ?? "bench";
  const log = options.log ?? (() => {});
  const { components: C, archs: A, runs: R, checks: K, items: I, events: E, days: D } = sizes;
  const archs = BENCH_ARCHS.slice(0, A);
  const checks = benchChecks(K);
  /** @type {Record<string, number>} */
  const seconds = {};
  const step = async (/** @type {string} */ name, /** @type {string} */ sql, /** @type {unknown[]} */ params = []) => {
    const t0 = performance.now();
    const result = await client.query(sql, params);
    seconds[name] = (seconds[name] ?? 0) + (performance.now() - t0) / 1000;
    return result;
  };

  /** @type {string} */
  let productId;
  await client.query("BEGIN");
  try {
    await client.query("SET LOCAL synchronous_commit = off");
    // Keeps the ordered inserts' sorts (about 4 KB a run) in memory instead of temporary files.
    await client.query("SET LOCAL work_mem = '256MB'");
    try {
      await client.query("SAVEPOINT replica");
      await client.query("SET LOCAL session_replication_role = replica");
    } catch {
      // Not a superuser: triggers stay on (slower, and each row notifies).
      await client.query("ROLLBACK TO SAVEPOINT replica");
      log("[bench] session_replication_role not permitted: loading with triggers on");
    }
    await client.query(`CREATE TEMP TABLE bench_check (k int PRIMARY KEY, name text, description text, help text, suggestion text, url text, base_ms int) ON COMMIT DROP`);
    await client.query(
      `INSERT INTO bench_check SELECT ordinality - 1, c->>'name', c->>'description', c->>'help', c->>'suggestion', c->>'url', (c->>'baseMs')::int
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(c, ordinality)`,
      [JSON.stringify(checks)],
    );
    // Outcome of check k in run r: a pure function (a plain expression, STABLE as its enum cast is,
    // so the planner inlines it), so a run's diff can look at the previous build. As in real
    // projects a check fails for a stretch of builds (25, on every architecture) until someone
    // fixes it, and now and then errors once.
    await client.query(`CREATE FUNCTION pg_temp.bench_outcome(r bigint, k int) RETURNS "CheckOutcome" LANGUAGE sql STABLE AS $$
      SELECT CASE WHEN abs(hashint8(((r / ${A}) % ${C} * 64 + k) * 1000003 + (r / ${A * C} + (r / ${A}) % ${C} * 7) / 25)) % 1000 < 40 THEN 'failed'
                  WHEN abs(hashint8(r * 64 + k)) % 1000 < 4 THEN 'errored' ELSE 'passed' END::"CheckOutcome" $$`);

    const start = `now() - make_interval(days => ${D})`;
    const productRow = await step(
      "product",
      `INSERT INTO "Product" (id, slug, name, description, "createdAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'Benchmark product', 'Synthetic dataset of npm run bench', ${start}, now()) RETURNING id`,
      [product],
    );
    productId = productRow.rows[0].id;

    await step(
      "phases",
      `INSERT INTO "Phase" (id, "productId", key, "order", name, "estimateText", deliverable, tasks, "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1, 'phase-' || n, n, 'Phase ' || n || ': certification step ' || n, (n + 1) || '-' || (n + 3) || ' weeks',
              'Deliverable of phase ' || n, jsonb_build_array(jsonb_build_object('title', 'Task ' || n || '.1', 'estimate', '1 week', 'details', '', 'done', n < 3)),
              ${start}, now()
       FROM generate_series(1, 5) n`,
      [productId],
    );
    await step(
      "phases",
      `INSERT INTO "PhaseDependency" ("phaseId", "dependsOnId")
       SELECT p.id, q.id FROM "Phase" p JOIN "Phase" q ON q."productId" = p."productId" AND q."order" = p."order" - 1 WHERE p."productId" = $1`,
      [productId],
    );

    await step(
      "components",
      `INSERT INTO "Component" (id, "productId", slug, name, type, role, registry, repository, "imageRef", "certificationStatus", owner, "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1, 'comp-' || lpad(c::text, 3, '0'), 'Component ' || lpad(c::text, 3, '0'), 'container', ($2::text[])[1 + c % cardinality($2::text[])],
              'quay.io', 'certboard-bench/comp-' || lpad(c::text, 3, '0'), 'quay.io/certboard-bench/comp-' || lpad(c::text, 3, '0') || ':*',
              (ARRAY['not_created','started','in_progress','certification_completed','published'])[1 + c % 5]::"CertificationStatus",
              'Team ' || (1 + c % 7), ${start}, now()
       FROM generate_series(1, $3::int) c`,
      [productId, ROLES, C],
    );
    await step(
      "phases",
      `INSERT INTO "PhaseComponentGate" ("phaseId", "componentId")
       SELECT p.id, c.id FROM "Phase" p JOIN "Component" c ON c."productId" = p."productId" WHERE p."productId" = $1 AND p."order" = 5`,
      [productId],
    );
    await client.query(`CREATE TEMP TABLE bench_component ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY slug) - 1)::int AS c, id, "productId", slug, name FROM "Component" WHERE "productId" = $1`, [productId]);

    // Build b of component c at start + (b + c/C) · D/R; architecture a a few seconds later.
    await step(
      "runs",
      `CREATE TEMP TABLE bench_run ON COMMIT DROP AS
       SELECT g AS r, (g / $1::bigint % $2)::int AS c, (g % $1)::int AS a, (g / ($1::bigint * $2))::int AS b,
              gen_random_uuid() AS id,
              (${start} + make_interval(secs => ((g / ($1::bigint * $2)) + (g / $1::bigint % $2)::float8 / $2) * ($4::float8 * 86400 / $3) + (g % $1) * 20))::timestamp(3) AS at
       FROM generate_series(0, $1::bigint * $2 * $3 - 1) g`,
      [A, C, R, D],
    );
    await client.query(`CREATE INDEX ON bench_run (c, a, b)`);
    await step(
      "imageTags",
      `INSERT INTO "ImageTag" (id, "componentId", name, "addedAt")
       SELECT gen_random_uuid(), bc.id, '1.0.' || r.b, r.at - interval '10 minutes'
       FROM bench_run r JOIN bench_component bc USING (c) WHERE r.a = 0 ORDER BY r.r`,
    );
    await step(
      "runs",
      `INSERT INTO "PreflightRun" (id, "productId", "componentId", "imageRef", "imageRefNormalized", "imageTag", "imageDigest", architecture, kind, policy,
              "preflightVersion", "preflightCommit", "devBuild", passed, "passedCount", "failedCount", "errorCount", "warningCount", diff, warnings,
              "contentSha256", "fileName", original, actor, "createdAt")
       SELECT r.id, bc."productId", bc.id, img.ref, img.ref, '1.0.' || r.b, 'sha256:' || md5(r.r || 'a') || md5(r.r || 'b'), ($1::text[])[r.a + 1], 'container', 'container',
              ver.v, md5(ver.v) || left(md5(ver.v || 'c'), 8), false, agg.failed = 0 AND agg.errored = 0, agg.passed, agg.failed, agg.errored, 0,
              jsonb_build_object('newlyFailed', agg.newly_failed, 'newlyPassed', agg.newly_passed, 'newlyErrored', agg.newly_errored,
                                 'added', CASE WHEN r.b = 0 THEN agg.names ELSE '[]'::jsonb END, 'removed', '[]'::jsonb, 'preflightVersionChanged', null),
              '{}', doc.sha, 'results.json', doc.bytes, 'token ci-' || ($1::text[])[r.a + 1], r.at
       FROM bench_run r
       JOIN bench_component bc USING (c)
       CROSS JOIN LATERAL (SELECT 'quay.io/certboard-bench/' || bc.slug || ':1.0.' || r.b AS ref) img
       CROSS JOIN LATERAL (SELECT ($2::text[])[1 + least(cardinality($2::text[]) - 1, r.b * cardinality($2::text[]) / $3)] AS v) ver
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE o = 'passed')::int AS passed, count(*) FILTER (WHERE o = 'failed')::int AS failed,
                count(*) FILTER (WHERE o = 'errored')::int AS errored,
                coalesce(jsonb_agg(x.name ORDER BY x.name) FILTER (WHERE o = 'failed' AND (r.b = 0 OR prev IS DISTINCT FROM 'failed')), '[]') AS newly_failed,
                coalesce(jsonb_agg(x.name ORDER BY x.name) FILTER (WHERE o = 'errored' AND (r.b = 0 OR prev IS DISTINCT FROM 'errored')), '[]') AS newly_errored,
                coalesce(jsonb_agg(x.name ORDER BY x.name) FILTER (WHERE o = 'passed' AND r.b > 0 AND prev <> 'passed'), '[]') AS newly_passed,
                jsonb_agg(x.name ORDER BY x.name) AS names,
                coalesce(jsonb_agg(jsonb_build_object('name', x.name, 'elapsed_time', x.ms, 'description', x.description) ORDER BY x.k) FILTER (WHERE o = 'passed'), '[]') AS passed_json,
                coalesce(jsonb_agg(jsonb_build_object('name', x.name, 'elapsed_time', x.ms, 'description', x.description, 'help', x.help,
                         'suggestion', x.suggestion, 'knowledgebase_url', x.url, 'check_url', x.url) ORDER BY x.k) FILTER (WHERE o = 'failed'), '[]') AS failed_json,
                coalesce(jsonb_agg(jsonb_build_object('name', x.name, 'elapsed_time', x.ms, 'description', x.description, 'help', x.help) ORDER BY x.k)
                         FILTER (WHERE o = 'errored'), '[]') AS errors_json
         FROM (SELECT k.*, pg_temp.bench_outcome(r.r, k.k) AS o,
                      CASE WHEN r.b > 0 THEN pg_temp.bench_outcome(r.r - $4::bigint, k.k) END AS prev,
                      k.base_ms + abs(hashint8(r.r * 64 + k.k + 7)) % 97 AS ms
               FROM bench_check k) x
       ) agg
       CROSS JOIN LATERAL (SELECT jsonb_pretty(jsonb_build_object(
                'image', img.ref, 'passed', agg.failed = 0 AND agg.errored = 0,
                'test_library', jsonb_build_object('name', 'github.com/redhat-openshift-ecosystem/openshift-preflight', 'version', ver.v, 'commit', md5(ver.v) || left(md5(ver.v || 'c'), 8)),
                'results', jsonb_build_object('passed', agg.passed_json, 'failed', agg.failed_json, 'errors', agg.errors_json))) AS body) jd
       -- The stored bytes end with a newline, as preflight writes them; the hash covers the document alone, as the reader's does.
       CROSS JOIN LATERAL (SELECT convert_to(jd.body || E'\\n', 'UTF8') AS bytes, encode(sha256(convert_to(jd.body, 'UTF8')), 'hex') AS sha) doc
       ORDER BY r.r`,
      [archs, PREFLIGHT_VERSIONS, R, A * C],
    );
    await step(
      "checkResults",
      `INSERT INTO "CheckResult" (id, "runId", name, "canonicalName", known, outcome, "elapsedMs", description, help, suggestion, "knowledgebaseUrl", "checkUrl")
       SELECT gen_random_uuid(), r.id, k.name, k.name, k.k < 10, o.o, k.base_ms + abs(hashint8(r.r * 64 + k.k + 7)) % 97, k.description,
              CASE WHEN o.o <> 'passed' THEN k.help END, CASE WHEN o.o = 'failed' THEN k.suggestion END,
              CASE WHEN o.o = 'failed' THEN k.url END, CASE WHEN o.o = 'failed' THEN k.url END
       FROM bench_run r CROSS JOIN bench_check k CROSS JOIN LATERAL (SELECT pg_temp.bench_outcome(r.r, k.k) AS o) o
       ORDER BY r.r, k.k`,
    );

    // Items: one per (component, known check) first, as ingestion opens them, then backlog items.
    const pfPerComponent = Math.min(K, 10);
    await step(
      "items",
      `CREATE TEMP TABLE bench_item ON COMMIT DROP AS
       SELECT i, gen_random_uuid() AS id,
              CASE WHEN i < $2::int * $3 THEN i / $3 ELSE i % $2 END AS c,
              CASE WHEN i < $2::int * $3 THEN i % $3 END AS k,
              (${start} + make_interval(secs => (i::float8 / $1) * $4 * 86400 * 0.9))::timestamp(3) AS at
       FROM generate_series(0, $1::int - 1) i`,
      [I, C, pfPerComponent, D],
    );
    await step(
      "items",
      `INSERT INTO "BacklogItem" (id, "productId", key, title, category, priority, status, "latestResult", "effortText", "effortMinHours", "effortMaxHours",
              source, "fileRefs", description, actions, "checkNames", "requirementCodes", "phaseId", position, version, "createdAt", "updatedAt")
       SELECT it.id, $1,
              CASE WHEN it.k IS NOT NULL THEN 'PF-' || (it.i + 1) ELSE 'BL-' || (it.i + 1) END,
              CASE WHEN it.k IS NOT NULL THEN ch.name || ' fails on ' || bc.name
                   ELSE 'Synthetic backlog item ' || (it.i + 1) || ': ' || (ARRAY['document the operator upgrade path','fix the image labels','add the license files','trim the image layers','justify host access','verify the bundle metadata'])[1 + it.i % 6] END,
              CASE WHEN it.k IS NOT NULL THEN 'critical_blocker'
                   ELSE (ARRAY['critical_blocker','needs_verification','needs_verification','not_required','compliant','compliant','critical_blocker','needs_verification'])[1 + abs(hashint4(it.i)) % 8] END::"ItemCategory",
              CASE WHEN it.k IS NOT NULL THEN 'P0' ELSE (ARRAY['P0','P1','P1','P2','P2','P3',NULL])[1 + abs(hashint4(it.i + 1)) % 7] END::"ItemPriority",
              CASE WHEN it.k IS NOT NULL THEN (ARRAY['done','done','done','done','in_progress'])[1 + it.i % 5]
                   ELSE (ARRAY['not_started','in_progress','blocked','needs_justification','in_review','done','done','done','wont_do','not_started'])[1 + abs(hashint4(it.i + 2)) % 10] END::"ItemStatus",
              CASE WHEN it.k IS NOT NULL THEN CASE WHEN it.i % 5 = 4 THEN 'failed' ELSE 'passed' END END,
              e.txt, e.lo, e.hi,
              CASE WHEN it.k IS NOT NULL THEN 'preflight ' || ch.name || ' (bench dataset)' WHEN it.i % 3 = 0 THEN 'Certification backlog, section ' || (1 + it.i % 9) END,
              CASE WHEN it.i % 4 = 0 THEN ARRAY['deploy/operator.yaml', 'Dockerfile'] ELSE '{}'::text[] END,
              repeat('Synthetic description of the work this item tracks, with enough words to look like a real paragraph. ', 2 + it.i % 5),
              jsonb_build_array(jsonb_build_object('text', 'First action of item ' || (it.i + 1), 'done', it.i % 2 = 0), jsonb_build_object('text', 'Second action', 'done', false)),
              CASE WHEN it.k IS NOT NULL THEN ARRAY[ch.name] ELSE '{}'::text[] END,
              '{}'::text[],
              CASE WHEN abs(hashint4(it.i + 3)) % 10 < 6 THEN (SELECT p.id FROM "Phase" p WHERE p."productId" = $1 AND p."order" = 1 + abs(hashint4(it.i + 4)) % 5) END,
              it.i, 1 + it.i % 4, it.at, it.at + make_interval(hours => it.i % 200)
       FROM bench_item it
       JOIN bench_component bc ON bc.c = it.c
       LEFT JOIN bench_check ch ON ch.k = it.k
       CROSS JOIN LATERAL (SELECT CASE WHEN it.i % 5 = 3 THEN NULL ELSE (1 + it.i % 4) || '-' || (2 + it.i % 4) || ' days' END AS txt,
                                  CASE WHEN it.i % 5 = 3 THEN NULL ELSE (1 + it.i % 4) * 8.0 END AS lo,
                                  CASE WHEN it.i % 5 = 3 THEN NULL ELSE (2 + it.i % 4) * 8.0 END AS hi) e
       ORDER BY it.i`,
      [productId],
    );
    await step(
      "items",
      `INSERT INTO "ItemComponent" ("itemId", "componentId")
       SELECT it.id, bc.id FROM bench_item it JOIN bench_component bc ON bc.c = it.c
       UNION ALL
       SELECT it.id, bc.id FROM bench_item it JOIN bench_component bc ON bc.c = (it.c + 1) % $1
       WHERE $1 > 1 AND it.k IS NULL AND (it.i + 1) % 10 = 0`,
      [C],
    );

    // Events: "created" for every item, then changes at random moments after it.
    await step(
      "events",
      `INSERT INTO "ItemEvent" (id, "itemId", actor, at, field, "oldValue", "newValue", note, "runId")
       SELECT gen_random_uuid(), it.id, CASE WHEN it.k IS NOT NULL THEN 'preflight run (token ci)' ELSE 'import' END, it.at, 'created', NULL,
              to_jsonb('Item ' || (it.i + 1)), NULL,
              CASE WHEN it.k IS NOT NULL THEN (SELECT r.id FROM bench_run r WHERE r.c = it.c AND r.a = 0 AND r.b = 0) END
       FROM bench_item it ORDER BY it.at`,
    );
    await step(
      "events",
      `INSERT INTO "ItemEvent" (id, "itemId", actor, at, field, "oldValue", "newValue", note)
       SELECT gen_random_uuid(), it.id, (ARRAY['Alice Engineer','Bob Engineer','token ci','import by Carol'])[1 + j % 4], ev.at, ev.field,
              CASE ev.field WHEN 'status' THEN to_jsonb(s.old) WHEN 'latestResult' THEN to_jsonb('failed'::text) WHEN 'priority' THEN to_jsonb('P2'::text) ELSE to_jsonb('1-2 days'::text) END,
              CASE ev.field WHEN 'status' THEN to_jsonb(s.new) WHEN 'latestResult' THEN to_jsonb('passed'::text) WHEN 'priority' THEN to_jsonb('P1'::text) ELSE to_jsonb('2-3 days'::text) END,
              CASE WHEN j % 7 = 0 THEN 'changed while triaging' END
       FROM generate_series(0, $2::int - $1::int - 1) j
       JOIN bench_item it ON it.i = abs(hashint4(j)) % $1
       CROSS JOIN LATERAL (SELECT (ARRAY['status','status','status','status','latestResult','latestResult','latestResult','priority','priority','effortText'])[1 + j % 10] AS field,
                                  (it.at + (now() - it.at) * ((abs(hashint4(j + 11)) % 1000) / 1000.0))::timestamp(3) AS at) ev
       CROSS JOIN LATERAL (SELECT (ARRAY['not_started','in_progress','in_review','blocked'])[1 + j % 4] AS old,
                                  (ARRAY['in_progress','in_review','done','in_progress'])[1 + j % 4] AS new) s
       ORDER BY ev.at`,
      [I, E],
    );
    // The runs per day the database keeps by trigger (PreflightRunDay): counted here, as the
    // migration's backfill does, because the triggers were off while the runs were loaded.
    await step("runDays", `DELETE FROM "PreflightRunDay" WHERE "productId" = $1`, [productId]);
    await step(
      "runDays",
      `INSERT INTO "PreflightRunDay" ("productId", "componentId", "day", "passed", "failed")
       SELECT "productId", "componentId", "createdAt"::date, count(*) FILTER (WHERE "passed")::int, count(*) FILTER (WHERE NOT "passed")::int
       FROM "PreflightRun" WHERE "productId" = $1 AND "componentId" IS NOT NULL
       GROUP BY 1, 2, 3`,
      [productId],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
  const t0 = performance.now();
  await client.query("ANALYZE");
  seconds.analyze = (performance.now() - t0) / 1000;
  const comps = await client.query(`SELECT slug FROM "Component" WHERE "productId" = $1 ORDER BY slug`, [productId]);
  return { productId, product, components: comps.rows.map((row) => row.slug), archs, seconds };
}
