import { readFile, writeFile } from "node:fs/promises";
import { Command, CommanderError, Option } from "commander";
import { IMPORT_ACTOR } from "@/lib/auth/schema";
import { getBacklogDocument } from "@/lib/backlog/data";
import { exportBacklogCsv } from "@/lib/backlog/export-csv";
import { exportBacklogMarkdown } from "@/lib/backlog/export-markdown";
import { importBacklog, type ImportResult } from "@/lib/backlog/mutations";
import { disconnectDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { toAppError } from "@/lib/http";

// The CLI is one more door onto the same mutations and reads as the HTTP API.

function printImport(result: ImportResult): void {
  const lines = [
    `Imported ${result.items} items into ${result.product}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged.`,
    `By category: ${Object.entries(result.byCategory).map(([c, n]) => `${c} ${n}`).join(", ")}.`,
    `${result.phases} phases, ${result.components} components.`,
    ...result.warnings.map((w) => `warning: ${w}`),
    ...result.conflicts.map(
      (c) => `conflict: ${c.item} ${c.field}: kept ${JSON.stringify(c.current)}, document says ${JSON.stringify(c.incoming)}`,
    ),
  ];
  console.log(lines.join("\n"));
}

export function buildProgram(): Command {
  const program = new Command("certboard")
    .description("Certboard: Red Hat certification backlog in PostgreSQL")
    .showHelpAfterError()
    .exitOverride();

  program
    .command("import-backlog")
    .description("Import a backlog markdown document (re-importing the same file changes nothing)")
    .argument("<file>", "markdown file")
    .option("--product <slug>", "product to import into (default: the first product; created if missing)")
    .option("--json", "print the result as JSON")
    .action(async (file: string, options: { product?: string; json?: boolean }) => {
      const document = await readFile(file);
      const result = await importBacklog({ document, productSlug: options.product, actor: IMPORT_ACTOR });
      if (options.json) console.log(JSON.stringify(result, null, 2));
      else printImport(result);
    });

  program
    .command("export-backlog")
    .description("Export the backlog as markdown (same structure as the imported document) or CSV")
    .addOption(new Option("--format <format>", "output format").choices(["md", "csv"]).default("md"))
    .option("--product <slug>", "product to export (default: the first product)")
    .option("-o, --output <file>", "write to a file instead of standard output")
    .action(async (options: { format: "md" | "csv"; product?: string; output?: string }) => {
      const doc = await getBacklogDocument(options.product);
      const text = options.format === "csv" ? exportBacklogCsv(doc) : exportBacklogMarkdown(doc);
      if (options.output) await writeFile(options.output, text);
      else process.stdout.write(text);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const appError = isAppError(error) ? error : toAppError(error);
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    console.error(`certboard: ${missing ? (error as Error).message : `${appError.message} (${appError.code})`}`);
    return missing || appError.status < 500 ? 1 : 2;
  } finally {
    await disconnectDb();
  }
}

process.exitCode = await main(process.argv.slice(2));
