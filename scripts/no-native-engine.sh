#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded offline.
# Migrations go through the WebAssembly engine: node scripts/migrate.mjs.
echo "certboard: the native Prisma schema engine is not used; run npm run db:migrate / db:deploy" >&2
exit 1
