#!/usr/bin/env node
// `npm start` and `npm run register`: brings dist/ up to date (see ensure-build.js), then runs the
// compiled entry point named by the argument (index, register-commands) in this same process.
import { ensureBuiltOrExit } from "./ensure-build.js";

const entry = process.argv[2];
if (entry !== "index" && entry !== "register-commands") {
  process.stderr.write("usage: node bin/run-built.js index|register-commands\n");
  process.exit(2);
}
process.argv.splice(2, 1);
ensureBuiltOrExit();
await import(new URL(`../dist/${entry}.js`, import.meta.url).href);
