import { fileURLToPath } from "node:url";
import { type NodeRun, runNode } from "../support/run-node.js";

/** Runs one of the project's entry points (`src/index.ts`, ...) in a process of its own, like npm does. */
export function runEntry(entry: string, env: Record<string, string>): Promise<NodeRun> {
  const file = fileURLToPath(new URL(`../../src/${entry}`, import.meta.url));
  return runNode(["--import", "tsx", file], { env: { LOG_LEVEL: "warn", ...env } });
}
