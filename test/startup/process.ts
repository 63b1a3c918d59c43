import { fileURLToPath } from "node:url";
import { type NodeRun, runNode } from "../support/run-node.js";

/** Node's arguments to run one of the project's entry points (`src/index.ts`, ...) as npm does. */
export function ENTRY_ARGS(entry: string): string[] {
  return ["--import", "tsx", fileURLToPath(new URL(`../../src/${entry}`, import.meta.url))];
}

/** Runs one of the project's entry points in a process of its own, like npm does. */
export function runEntry(entry: string, env: Record<string, string>): Promise<NodeRun> {
  return runNode(ENTRY_ARGS(entry), { env: { LOG_LEVEL: "warn", ...env } });
}
