#!/usr/bin/env node
// The `hubtrends` command. It runs the compiled dist/cli.js: in a checkout, dist/ is first brought
// up to date with src/ (compiled once, again only when a source changed; see ensure-build.js), so
// `npx hubtrends` works right after `npm ci` and never runs a stale build. The production image
// ships dist/ only, and runs it as it is.
import { ensureBuiltOrExit } from "./ensure-build.js";

ensureBuiltOrExit();
await import(new URL("../dist/cli.js", import.meta.url).href);
