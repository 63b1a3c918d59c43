import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's entry points (`src/index.ts`, ...) in a process of its own, like npm does. */
export function runEntry(
  entry: string,
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<ProcessRun> {
  const file = fileURLToPath(new URL(`../../src/${entry}`, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", file], {
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
