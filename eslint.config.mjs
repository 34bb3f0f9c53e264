// Lint: Next.js's own rules (core web vitals, React, hooks, jsx-a11y) and typescript-eslint's recommended set.
// `npm run lint` runs it over the whole tree and `npm test` runs that first.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Playwright fixtures receive a callback named `use`; it is not React's `use` hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([".next/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench/out/**", ".data/**"]),
]);
