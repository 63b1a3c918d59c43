import { type ChildProcess, spawn } from "node:child_process";

export interface NodeRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Where and how to run a Node process (see {@link runNode}). */
export interface NodeOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Killed with SIGKILL after this long (default 60 s): a hung child must not hang the suite. */
  timeoutMs?: number;
  /** Run as this user and group (only root may): file permissions do not bind root. */
  user?: { uid: number; gid: number };
}

/** A Node process still running: its output so far, and its end. */
export interface RunningNode {
  readonly child: ChildProcess;
  /** Output so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited and its output is closed. */
  readonly exited: Promise<NodeRun>;
  /** Resolves with the first stderr line (already printed or future) that satisfies `predicate`. */
  waitForStderrLine(predicate: (line: string) => boolean, timeoutMs?: number): Promise<string>;
}

/**
 * Starts `node ...args` in a process of its own and follows its output: for tests that act on a
 * running process (send it a signal, break its peers) and watch what it says and how it ends.
 * `env` replaces the environment (PATH is kept), so a test states every variable it relies on.
 */
export function startNode(args: string[], options: NodeOptions = {}): RunningNode {
  const child = spawn(process.execPath, args, {
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.env === undefined ? {} : { env: { PATH: process.env.PATH ?? "", ...options.env } }),
    ...(options.user === undefined ? {} : { uid: options.user.uid, gid: options.user.gid }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const lineListeners = new Set<() => void>();
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const listener of lineListeners) listener();
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
  let closed = false;
  const exited = new Promise<NodeRun>((resolve, reject) => {
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      closed = true;
      for (const listener of lineListeners) listener();
      resolve({ code, signal, stdout, stderr });
    });
  });

  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitForStderrLine(predicate, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          // Only whole lines: a line still being written may not parse yet.
          const found = stderr.split("\n").slice(0, -1).find(predicate);
          if (found !== undefined) {
            done();
            resolve(found);
            return true;
          }
          if (closed) {
            done();
            reject(new Error(`the process exited without printing the line; stderr:\n${stderr}`));
            return true;
          }
          return false;
        };
        const done = () => {
          clearTimeout(waitTimer);
          lineListeners.delete(listener);
        };
        const listener = () => void check();
        const waitTimer = setTimeout(() => {
          done();
          reject(new Error(`no such stderr line within ${timeoutMs} ms; stderr:\n${stderr}`));
        }, timeoutMs);
        lineListeners.add(listener);
        check();
      });
    },
  };
}

/**
 * Runs `node ...args` in a process of its own and collects its output: how tests show that
 * something holds across processes (a restart, a second bot, the CLI as a user runs it).
 */
export function runNode(args: string[], options: NodeOptions = {}): Promise<NodeRun> {
  return startNode(args, options).exited;
}
