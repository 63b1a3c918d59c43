#!/usr/bin/env node
// The `hubtrends` command. In a checkout (src/ present) it runs the TypeScript directly through
// tsx, so `npx hubtrends` works right after `npm ci` with no build step and never runs a stale
// build. The production image ships only the compiled dist/ (see Dockerfile), so it runs that.
import { existsSync } from "node:fs";

const source = new URL("../src/cli.ts", import.meta.url);
if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(source.href);
} else {
  await import(new URL("../dist/cli.js", import.meta.url).href);
}
