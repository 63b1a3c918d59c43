import { fileURLToPath } from "node:url";
import { type NodeOptions, type NodeRun, type RunningNode, runNode, startNode } from "../support/run-node.js";

/** The compiled entry point npm runs for `src/<entry>` (dist/ is built by the tests' global setup). */
function entryFile(entry: string): string {
  return fileURLToPath(new URL(`../../dist/${entry.replace(/\.ts$/, ".js")}`, import.meta.url));
}

/** Node's arguments to run one of the project's entry points (`src/index.ts`, ...) as npm does: compiled. */
export function ENTRY_ARGS(entry: string): string[] {
  return [entryFile(entry)];
}

/** Runs one of the project's entry points (`src/index.ts`, ...) in a process of its own, like npm does. */
export function runEntry(
  entry: string,
  env: Record<string, string>,
  options: Pick<NodeOptions, "user"> = {},
): Promise<NodeRun> {
  return runNode(ENTRY_ARGS(entry), { env: { LOG_LEVEL: "warn", ...env }, ...options });
}

/**
 * Who to run a process as so that file permissions apply to it: nobody (65534) when the tests run
 * as root, who ignores them; the current user otherwise.
 */
export function unprivilegedUser(): Pick<NodeOptions, "user"> {
  return process.getuid?.() === 0 ? { user: { uid: 65534, gid: 65534 } } : {};
}

/** A running entry point whose stderr carries pino's JSON log lines. */
export interface RunningEntry extends RunningNode {
  /** Resolves with the first log line whose `msg` is `msg` (and that `matches`, when given). */
  waitForLog(
    msg: string,
    options?: { matches?: (line: Record<string, unknown>) => boolean; timeoutMs?: number },
  ): Promise<Record<string, unknown>>;
  /** Every JSON log line printed so far, parsed. */
  logs(): Record<string, unknown>[];
}

/** Starts an entry point (LOG_LEVEL info unless `env` says otherwise) and follows its log. */
export function startEntry(
  entry: string,
  env: Record<string, string>,
  options: { timeoutMs?: number } = {},
): RunningEntry {
  const running = startNode(ENTRY_ARGS(entry), {
    env: { LOG_LEVEL: "info", ...env },
    ...options,
  });
  return {
    ...running,
    logs: () => running.stderr().split("\n").flatMap(parseLogLine),
    async waitForLog(msg, { matches = () => true, timeoutMs } = {}) {
      const line = await running.waitForStderrLine(
        (text) => parseLogLine(text).some((parsed) => parsed.msg === msg && matches(parsed)),
        timeoutMs,
      );
      const [parsed] = parseLogLine(line);
      if (parsed === undefined) throw new Error(`unreadable log line: ${line}`);
      return parsed;
    },
  };
}

function parseLogLine(line: string): Record<string, unknown>[] {
  if (!line.startsWith("{")) return [];
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === "object" && parsed !== null ? [parsed as Record<string, unknown>] : [];
  } catch {
    return [];
  }
}
