import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const dbOnly = {
  group: ["@/lib/db", "@/generated/*", "@/generated/**"],
  message: "Only lib/**/data.ts, lib/**/mutations.ts, prisma/ and tests touch the database (house style).",
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ["node_modules/**", ".next/**", "dist/**", "generated/**", ".certboard/**", "test-results/**", "playwright-report/**", "e2e-artifacts/**", "next-env.d.ts"] },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
    },
  },
  // Layers: app/ and components/ never reach the database directly.
  {
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [dbOnly] }] },
  },
  // Composites take data and callbacks as props; they never import data or mutations.
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [dbOnly, { group: ["@/lib/*/data", "@/lib/*/mutations"], message: "components/ receive data as props." }] },
      ],
    },
  },
  {
    files: ["lib/**"],
    // better-auth.ts hands the Prisma client to better-auth's adapter: it is a data layer too.
    ignores: ["lib/**/data.ts", "lib/**/mutations.ts", "lib/db.ts", "lib/auth/better-auth.ts", "lib/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [dbOnly] }] },
  },
];

export default config;
