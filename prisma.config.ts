import path from "node:path";
import { defineConfig } from "prisma/config";

// The Prisma CLI downloads a native schema engine before every command, which fails offline.
// generate/validate/format never use it, so any existing file satisfies the check; migrations
// run through the WebAssembly engine in scripts/migrate.mjs instead.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(process.cwd(), "scripts", "no-native-engine.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Unset on a fresh clone (postinstall runs generate before any database exists).
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
