import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import {
  type AutocompleteResult,
  autocompleteResultSchema,
  fromChildSchema,
  type ToChild,
  type TrendsInteraction,
  type TrendsResult,
  trendsResultSchema,
} from "./fakes-protocol.js";

/** The loopback Discord and the fake Hub running in fakes-child.ts, seen from the bench process. */
export interface FakesProcess {
  /** Where the bot finds them: DISCORD_API_URL, HUB_URL and the token the fake Discord accepts. */
  apiUrl: string;
  hubUrl: string;
  token: string;
  /** Dispatches these `/trends` together; resolves once every one has its final answer. */
  trends(interactions: TrendsInteraction[]): Promise<TrendsResult>;
  /** Dispatches a `/model` autocomplete per typed text, one after another. */
  autocomplete(typed: string[]): Promise<AutocompleteResult>;
  /** Stops the child (asks it to close its servers; kills it after 5 s). Safe to call twice. */
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL("./fakes-child.ts", import.meta.url));
// `--import tsx` is resolved from the working directory: the project's, wherever the bench ran from.
const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Starts the fakes (`models` generated Hub models) in a child process; resolves once they listen. */
export async function startFakesProcess(options: { models: number }): Promise<FakesProcess> {
  const child = fork(CHILD, [String(options.models)], {
    cwd: ROOT,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let gone: Error | null = null;
  let onReady: { resolve: (ready: Ready) => void; reject: (error: Error) => void } | null = null;
  const ready = new Promise<Ready>((resolve, reject) => {
    onReady = { resolve, reject };
  });

  const fail = (error: Error): void => {
    gone ??= error;
    onReady?.reject(error);
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  child.once("error", fail);
  child.once("exit", (code, signal) =>
    fail(new Error(`the fakes process exited (${signal ?? `code ${code}`}) before answering`)),
  );
  child.on("message", (raw) => {
    const message = fromChildSchema.safeParse(raw);
    if (!message.success) {
      fail(new Error(`the fakes process sent a malformed message: ${message.error.message}`));
      return;
    }
    const data = message.data;
    if (data.kind === "ready") {
      onReady?.resolve(data);
      return;
    }
    const waiter = pending.get(data.id);
    pending.delete(data.id);
    if (data.kind === "result") waiter?.resolve(data.result);
    else waiter?.reject(new Error(`the fakes process failed: ${data.error}`));
  });

  async function request<T>(message: DistributiveOmit<ToChild, "id">, schema: z.ZodType<T>): Promise<T> {
    if (gone !== null) throw gone;
    const id = nextId++;
    const result = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
    child.send({ ...message, id });
    return schema.parse(await result);
  }

  const close = () => stopChild(child);
  try {
    const { apiUrl, hubUrl, token } = await ready;
    return {
      apiUrl,
      hubUrl,
      token,
      trends: (interactions) => request({ kind: "trends", interactions }, trendsResultSchema),
      autocomplete: (typed) => request({ kind: "autocomplete", typed }, autocompleteResultSchema),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

interface Ready {
  apiUrl: string;
  hubUrl: string;
  token: string;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Closing the channel asks the child to close its servers and exit; a kill covers a child that hangs.
  if (child.connected) child.disconnect();
  else child.kill();
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
