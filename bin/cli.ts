import { realpathSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, Option } from "commander";
import { z } from "zod";
import { IMPORT_ACTOR, SYSTEM_ACTOR, createUserSchema, tokenRoleSchema, userRoleSchema } from "@/lib/auth/schema";
import { categorySchema, itemCreateSchema, prioritySchema, statusSchema } from "@/lib/backlog/schema";
import type { ImportResult } from "@/lib/backlog/mutations";
import { AppError, isAppError, toAppError } from "@/lib/errors";
import { parseExpiry } from "@/lib/auth/token";
import { getEnv } from "@/lib/env";
import { FAIL_ON, type FailOn } from "@/lib/preflight/gate";
import { UPLOAD_EXIT_CODES, uploadArtifacts } from "./upload";

// Each command loads the modules it needs when it runs: the Prisma client, pg-boss, the markdown
// parser and mail take most of a start, and `--help` or `upload` need none of them. Once a command
// has loaded the database client, main() disconnects it at the end.
let dbLoaded = false;
const lib = {
  db: () => ((dbLoaded = true), import("@/lib/db")),
  backlogData: () => ((dbLoaded = true), import("@/lib/backlog/data")),
  backlogMutations: () => ((dbLoaded = true), import("@/lib/backlog/mutations")),
  items: () => ((dbLoaded = true), import("@/lib/items/mutations")),
  authMutations: () => ((dbLoaded = true), import("@/lib/auth/mutations")),
  tokens: () => ((dbLoaded = true), import("@/lib/tokens/mutations")),
  preflight: () => ((dbLoaded = true), import("@/lib/preflight/mutations")),
  products: () => ((dbLoaded = true), import("@/lib/products/data")),
  usersData: () => ((dbLoaded = true), import("@/lib/users/data")),
  users: () => ((dbLoaded = true), import("@/lib/users/mutations")),
  digest: () => ((dbLoaded = true), import("@/lib/notify/digest/mutations")),
  pyxis: () => ((dbLoaded = true), import("@/lib/pyxis/mutations")),
};

// The CLI is one more door onto the same mutations and reads as the HTTP API.

function printImport(result: ImportResult, dryRun = false): void {
  const counts = `${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged.`;
  const lines = [
    dryRun
      ? `Dry run, nothing written: importing would bring ${result.items} items into ${result.product}: ${counts}`
      : `Imported ${result.items} items into ${result.product}: ${counts}`,
    `By category: ${Object.entries(result.byCategory).map(([c, n]) => `${c} ${n}`).join(", ")}.`,
    `${result.phases} phases, ${result.components} components.`,
    ...result.warnings.map((w) => `warning: ${w}`),
    ...result.conflicts.map(
      (c) => `conflict: ${c.item} ${c.field}: kept ${JSON.stringify(c.current)}, document says ${JSON.stringify(c.incoming)}`,
    ),
  ];
  console.log(lines.join("\n"));
}

type ItemCreateOptions = {
  title: string;
  category: string;
  key?: string;
  priority?: string;
  status?: string;
  phase?: string;
  assignee?: string;
  due?: string;
  effort?: string;
  description?: string;
  component: string[];
  as?: string;
  product?: string;
  json?: boolean;
};

export function buildProgram(): Command {
  const program = new Command("certboard")
    .description("Certboard: Red Hat certification backlog in PostgreSQL")
    .showHelpAfterError()
    .exitOverride();

  program
    .command("setup-code")
    .description("Print the one-time code /setup asks for from another machine (until the first admin exists)")
    .action(async () => {
      const code = await (await lib.authMutations()).ensureSetupCode();
      if (!code) throw new AppError("conflict", "Certboard is already set up: there is no setup code. Sign in, or ask an admin for an account.");
      console.log(code);
    });

  program
    .command("import-backlog")
    .description("Import a backlog markdown document (re-importing the same file changes nothing)")
    .argument("<file>", "markdown file")
    .option("--product <slug>", "product to import into (default: the first product; created if missing)")
    .option("--dry-run", "report what the import would do, and write nothing")
    .option("--json", "print the result as JSON")
    .action(async (file: string, options: { product?: string; dryRun?: boolean; json?: boolean }) => {
      const document = await readFile(file);
      const { importBacklog } = await lib.backlogMutations();
      const result = await importBacklog({ document, productSlug: options.product, actor: IMPORT_ACTOR, dryRun: options.dryRun });
      if (options.json) console.log(JSON.stringify(result, null, 2));
      else printImport(result, options.dryRun);
    });

  program
    .command("export-backlog")
    .description("Export the backlog as markdown (same structure as the imported document) or CSV")
    .addOption(new Option("--format <format>", "output format").choices(["md", "csv"]).default("md"))
    .option("--product <slug>", "product to export (default: the first product)")
    .option("-o, --output <file>", "write to a file instead of standard output")
    .action(async (options: { format: "md" | "csv"; product?: string; output?: string }) => {
      const doc = await (await lib.backlogData()).getBacklogDocument(options.product);
      const text = options.format === "csv" ? (await import("@/lib/backlog/export-csv")).exportBacklogCsv(doc) : (await import("@/lib/backlog/export-markdown")).exportBacklogMarkdown(doc);
      if (options.output) await writeFile(options.output, text);
      else process.stdout.write(text);
    });

  program
    .command("upload")
    .description("Send preflight results to a Certboard server (for CI); --fail-on turns failed or newly failed checks into exit code 2")
    .argument("<paths...>", "results.json files, artifacts folders, or archives (.tar.gz, .zip)")
    .option("--url <url>", "the Certboard server (default: $CERTBOARD_URL)", process.env.CERTBOARD_URL)
    .option("--token <token>", "an API token with the uploader or engineer role (default: $CERTBOARD_TOKEN)", process.env.CERTBOARD_TOKEN)
    .option("--component <slug>", "component the runs belong to (default: the one registered for the image's repository; else stored unassigned)")
    .option("--arch <arch>", "architecture, when the files do not say")
    .option("--force", "attach to --component even though it is registered for another repository (the run keeps a note saying so)")
    .option("--create-component", "create a component for the image when none is registered, instead of storing the run unassigned")
    .addOption(
      new Option("--fail-on <condition>", "exit 2 when a run has a failed or errored check (failed), a check newly failing since the previous run of its component and architecture (regressed), or never (none)")
        .choices(FAIL_ON)
        .default("none"),
    )
    .option("--json", "print the server's response as JSON")
    .addHelpText("after", UPLOAD_EXIT_CODES)
    .action(async (paths: string[], options: { url?: string; token?: string; component?: string; arch?: string; force?: boolean; createComponent?: boolean; failOn: FailOn; json?: boolean }) => {
      if (!options.url) throw new AppError("invalid", "--url (or CERTBOARD_URL) is required.");
      if (!options.token) throw new AppError("invalid", "--token (or CERTBOARD_TOKEN) is required.");
      process.exitCode = await uploadArtifacts(paths, { ...options, url: options.url, token: options.token });
    });

  program
    .command("ingest")
    .description("Store preflight results straight into the database (for admins on the Certboard machine)")
    .argument("<paths...>", "results.json files, artifacts folders")
    .option("--component <slug>", "component the runs belong to (default: the one registered for the image's repository; else stored unassigned)")
    .option("--arch <arch>", "architecture, when the files do not say")
    .option("--force", "attach to --component even though it is registered for another repository (the run keeps a note saying so)")
    .option("--create-component", "create a component for the image when none is registered, instead of storing the run unassigned")
    .option("--product <slug>", "product (default: the first product)")
    .option("--json", "print the result as JSON")
    .action(async (paths: string[], options: { component?: string; arch?: string; product?: string; force?: boolean; createComponent?: boolean; json?: boolean }) => {
      const [{ collectArtifacts }, { prepareUpload }, { ingestPreflightRuns }, { formatIngest }] = await Promise.all([
        import("./artifacts"),
        import("@/lib/preflight/prepare-upload"),
        lib.preflight(),
        import("./format-ingest"),
      ]);
      const { files, archives } = await collectArtifacts(paths);
      if (archives.length) throw new AppError("invalid", `Unpack archives before ingesting (${archives.map((a) => a.name).join(", ")}), or send them with certboard upload.`);
      const runs = prepareUpload(files, { arch: options.arch });
      const result = await ingestPreflightRuns({
        runs,
        componentSlug: options.component,
        force: options.force,
        createComponent: options.createComponent,
        productSlug: options.product,
        actor: { kind: "system", name: "cli ingest" },
      });
      if (options.json) console.log(JSON.stringify(result, null, 2));
      else console.log(formatIngest(result));
    });

  const item = program.command("item").description("Backlog items (on the machine that runs Certboard)");
  item
    .command("create")
    .description("Create a backlog item; without --key it gets the product's next T-n")
    .requiredOption("--title <title>", "what needs doing")
    .addOption(new Option("--category <category>", "which list it belongs to").choices([...categorySchema.options]).makeOptionMandatory())
    .option("--key <key>", "its key, e.g. P1-7 (refused when taken)")
    .addOption(new Option("--priority <priority>").choices([...prioritySchema.options]))
    .addOption(new Option("--status <status>").choices([...statusSchema.options]))
    .option("--phase <key>", "the phase it belongs to, e.g. phase-2")
    .option("--assignee <email>", "its owner")
    .option("--due <YYYY-MM-DD>", "its due date")
    .option("--effort <estimate>", 'e.g. "2h", "1-2 days", "2-3 weeks"')
    .option("--description <markdown>", "details, in markdown")
    .option("--component <slug>", "a component it is about (repeat for several)", (slug: string, all: string[]) => [...all, slug], [] as string[])
    .option("--as <email>", "the person creating it, for its history (default: cli)")
    .option("--product <slug>", "product (default: the first product)")
    .option("--json", "print the created item as JSON")
    .action(async (options: ItemCreateOptions) => {
      const input = itemCreateSchema.parse({
        title: options.title,
        category: options.category,
        key: options.key,
        priority: options.priority,
        status: options.status,
        phase: options.phase,
        assignee: options.assignee,
        dueDate: options.due,
        effortText: options.effort,
        description: options.description,
        components: options.component.length ? options.component : undefined,
      });
      const [{ findActiveUserId }, { createItem }, { getItem }] = await Promise.all([lib.usersData(), lib.items(), lib.backlogData()]);
      const person = options.as ? await findActiveUserId(options.as) : null;
      if (options.as && !person) throw new AppError("invalid", `--as: no active person "${options.as}".`);
      const actor = person && options.as ? { kind: "user" as const, name: options.as, userId: person } : { kind: "system" as const, name: "cli" };
      const { key } = await createItem({ productSlug: options.product, item: input, actor });
      const created = await getItem(key, options.product);
      if (options.json) console.log(JSON.stringify(created, null, 2));
      else console.log(`Created ${created.key} in ${created.product}: ${created.title}`);
    });

  const user = program.command("user").description("Manage people (on the machine that runs Certboard)");
  user
    .command("create")
    .description("Create a person; the password is read from standard input when piped, else generated and printed once")
    .requiredOption("--email <email>", "their email address (also the sign-in name)")
    .addOption(new Option("--role <role>", "what they may do").choices([...userRoleSchema.options]).makeOptionMandatory())
    .option("--name <name>", "display name (default: the part of the email before @)")
    .action(async (options: { email: string; role: string; name?: string }) => {
      const password = process.stdin.isTTY ? undefined : (await readStdin()).trim() || undefined;
      const input = createUserSchema.parse({ email: options.email, role: options.role, name: options.name ?? options.email.split("@")[0], password });
      const created = await (await lib.users()).createUser(input);
      console.log(`Created ${created.role} ${created.email} (${created.name}).`);
      if (created.generatedPassword) console.log(`Password (shown only now): ${created.generatedPassword}`);
    });

  const token = program.command("token").description("Manage API tokens for CI and scripts");
  token
    .command("create")
    .description("Create an API token; the token is the last line of output and is never shown again")
    .requiredOption("--name <name>", "what the token is for, e.g. the pipeline's name")
    .addOption(new Option("--role <role>", "uploader: upload preflight results only; engineer: act as an engineer").choices([...tokenRoleSchema.options]).makeOptionMandatory())
    .option("--expires <duration>", 'lifetime such as "90d", "12h", "4w", "1y", or "never"', "90d")
    .option("--user <email>", "the person the token belongs to (deactivating them revokes it)")
    .option("--product <slug>", "limit the token to this product (repeat for several; default: every product)", (slug: string, all: string[]) => [...all, slug], [] as string[])
    .action(async (options: { name: string; role: "uploader" | "engineer"; expires: string; user?: string; product: string[] }) => {
      const expiresAt = parseExpiry(options.expires);
      if (expiresAt === undefined) throw new AppError("invalid", `--expires: "${options.expires}" is not a duration such as 90d, 12h, 4w, 1y or never.`);
      const [{ findActiveUserId }, { getProduct }, { createApiToken }] = await Promise.all([lib.usersData(), lib.products(), lib.tokens()]);
      let userId: string | null = null;
      if (options.user) {
        userId = await findActiveUserId(options.user);
        if (!userId) throw new AppError("not_found", `No active user ${options.user}.`);
      }
      const products = await Promise.all(options.product.map((slug) => getProduct(slug)));
      const created = await createApiToken({ name: options.name, role: options.role, expiresAt, userId, productIds: products.map((p) => p.id), actor: SYSTEM_ACTOR });
      const scope = products.length ? `, limited to ${products.map((p) => p.slug).join(", ")}` : "";
      console.log(`Created ${created.role} token "${created.name}" (cbt_${created.prefix}_…)${scope}, expires ${created.expiresAt ?? "never"}.`);
      console.log("Store it now: it is not shown again. Use it as: Authorization: Bearer <token>");
      console.log(created.token);
    });

  program
    .command("digest")
    .description("Print a product's weekly digest (forecast, open critical blockers, the week's changes, what remains), or mail it with --send")
    .option("--send", "mail it (needs SMTP_URL): to everyone with the digest on who may see the product, or only to --to")
    .option("--product <slug>", "product (default: the first product)")
    .option("--to <email>", "with --send: send one copy to this address only")
    .action(async (options: { send?: boolean; product?: string; to?: string }) => {
      if (options.to !== undefined && !z.email().safeParse(options.to).success) throw new AppError("invalid", `--to: "${options.to}" is not an email address.`);
      if (options.to && !options.send) throw new AppError("invalid", "--to only applies with --send.");
      const { buildDigestMail, sendDigest } = await lib.digest();
      const now = new Date();
      if (!options.send) {
        const { mail } = await buildDigestMail(options.product, now);
        console.log(`Subject: ${mail.subject}\n\n${mail.text}`);
        return;
      }
      const result = await sendDigest({ product: options.product, to: options.to, now });
      console.log(`Sent the digest of ${result.product} to ${result.sent.length} ${result.sent.length === 1 ? "person" : "people"}${result.sent.length ? `: ${result.sent.join(", ")}` : ""}.`);
      for (const f of result.failed) console.error(`certboard: not sent to ${f.to}: ${f.error}`);
      if (result.failed.length) process.exitCode = 2;
    });

  program
    .command("worker")
    .description("Deliver notifications (webhooks, email, in-app) until stopped; for deployments that run the server with CERTBOARD_WORKER=off")
    .action(async () => {
      dbLoaded = true;
      const { startWorker, stopWorker } = await import("@/lib/notify/worker");
      const { closeChangeListener } = await import("@/lib/live/data");
      await startWorker();
      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        process.once("SIGINT", () => resolve("SIGINT"));
        process.once("SIGTERM", () => resolve("SIGTERM"));
      });
      console.log(`[worker] ${signal}: finishing the deliveries in flight`);
      await stopWorker();
      await closeChangeListener();
    });

  program
    .command("backup")
    .description("Write a consistent snapshot of every table to a gzip file (restore it with certboard restore)")
    .option("-o, --output <file>", "where to write it (default: certboard-<UTC time>.backup.gz in the current folder)")
    .action(async (options: { output?: string }) => {
      const file = options.output ?? `certboard-${new Date().toISOString().replace(/[-:]|\.\d+/g, "")}.backup.gz`;
      const { writeBackup } = await import("../scripts/backup.mjs");
      const done = await writeBackup(getEnv().DATABASE_URL, file).catch(asAppError);
      const level = done.migrations.at(-1) ?? "no migrations";
      console.log(`Backed up ${done.rows} rows of ${done.tables} tables (schema level ${level}) to ${done.file} (${Math.ceil(done.bytes / 1024)} KiB).`);
    });

  program
    .command("sync")
    .description("Sync products with Red Hat's catalog (Pyxis): certification status, host access, images, grades, submitted results")
    .option("--product <slug>", "one product (default: every product with a connection)")
    .option("--from <file>", "apply a file written by certboard pyxis-export, exactly as an online sync (needs --product or the file's own)")
    .action(async (options: { product?: string; from?: string }) => {
      const { syncProduct, syncAllProducts } = await lib.pyxis();
      let syncs;
      if (options.from) {
        const { pyxisExportSchema } = await import("@/lib/pyxis/schema");
        const text = await readFile(options.from, "utf8");
        const file = pyxisExportSchema.safeParse(parseJsonFile(text, options.from));
        if (!file.success) throw new AppError("invalid", `${options.from} is not a file written by certboard pyxis-export: ${file.error.issues[0]?.message ?? "unreadable"}.`);
        syncs = [await syncProduct({ productSlug: options.product ?? file.data.product, trigger: "file", actor: { name: `file ${options.from}` }, from: file.data })];
      } else if (options.product) {
        syncs = [await syncProduct({ productSlug: options.product, trigger: "cli", actor: SYSTEM_ACTOR })];
      } else {
        syncs = await syncAllProducts({ trigger: "cli", actor: SYSTEM_ACTOR });
      }
      if (syncs.length === 0) console.log("No product is connected to Red Hat's catalog: an admin sets the connection on Settings → Integrations.");
      for (const sync of syncs) {
        console.log(`Sync ${sync.outcome}: ${sync.changes.length} ${sync.changes.length === 1 ? "change" : "changes"}, ${sync.failures.length} failed.`);
        for (const c of sync.changes) console.log(`  ${c.component}: ${c.field} ${c.from ?? "—"} → ${c.to ?? "—"}`);
        for (const f of sync.failures) console.error(`certboard: ${f.component}${f.projectId ? ` (project ${f.projectId})` : ""}: ${f.message}`);
      }
      if (syncs.some((s) => s.failures.length > 0)) process.exitCode = 2;
    });

  program
    .command("pyxis-export")
    .description("On a connected machine: write what Red Hat's catalog answers for a product's components to a file, for certboard sync --from on a disconnected site")
    .requiredOption("--product <slug>", "the product")
    .requiredOption("-o, --output <file>", "where to write it")
    .action(async (options: { product: string; output: string }) => {
      const { exportSnapshots } = await lib.pyxis();
      const exported = await exportSnapshots(options.product);
      await writeFile(options.output, `${JSON.stringify(exported, null, 2)}\n`);
      console.log(`Wrote Red Hat's answers for ${exported.projects.length} ${exported.projects.length === 1 ? "project" : "projects"} of ${exported.product} to ${options.output}.`);
    });

  program
    .command("restore")
    .description("Load a backup into an empty database at the backup's schema level, all or nothing")
    .argument("<file>", "a file written by certboard backup (or an automatic backup)")
    .option("--force", "replace the data of a database that is not empty")
    .action(async (file: string, options: { force?: boolean }) => {
      const { restoreBackup } = await import("../scripts/backup.mjs");
      const done = await restoreBackup(getEnv().DATABASE_URL, file, { force: options.force }).catch(asAppError);
      console.log(`Restored ${done.rows} rows of ${done.tables} tables from the backup of ${done.createdAt}${done.emptied ? ", replacing the data that was there" : ""}.`);
    });

  return program;
}

/** A backup's refusal (wrong file, other schema level, data present) is the caller's input: exit 1. */
function asAppError(error: unknown): never {
  // By name: scripts/backup.mjs is loaded only by the commands that use it.
  if (error instanceof Error && error.name === "BackupError") throw new AppError("invalid", error.message);
  throw error;
}

function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid", `${file} is not JSON.`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const appError = isAppError(error) ? error : toAppError(error);
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    console.error(`certboard: ${missing ? (error as Error).message : `${appError.message} (${appError.code})`}`);
    return missing || appError.status < 500 ? 1 : 2;
  } finally {
    if (dbLoaded) await (await lib.db()).disconnectDb();
  }
}

// Run only as the entry point (bin/certboard.mjs starts this file): tests import buildProgram.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
