import { accessSync, constants, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Translator } from "../../locales/index.js";
import { UsageError } from "../context.js";

/** What went wrong with a file, in the reader's words ("no such file", "permission denied"). */
export function fileProblem(error: unknown, t: Translator): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (code === "ENOENT") return t("cli.file.not-found");
  if (code === "EACCES" || code === "EPERM") return t("cli.file.denied");
  if (code === "EISDIR") return t("cli.file.is-directory");
  if (code === "EROFS") return t("cli.file.read-only");
  if (code === "ENOSPC") return t("cli.file.no-space");
  return code === "" ? (error instanceof Error ? error.message : String(error)) : code;
}

function stat(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function writable(path: string): unknown {
  try {
    accessSync(path, constants.W_OK);
    return null;
  } catch (error) {
    return error;
  }
}

/**
 * Refuses an `--out` path that cannot take the chart, before any work is done: a directory, a
 * directory that does not exist, or a place the user may not write to. Each in one line.
 */
export function checkOutPath(path: string, t: Translator): void {
  const existing = stat(path);
  if (path.endsWith("/") || existing?.isDirectory() === true) {
    throw new UsageError(t("cli.error.out-is-directory", { path }));
  }
  const denied = existing === null ? null : writable(path);
  if (denied !== null)
    throw new UsageError(t("cli.error.out-not-writable", { path, reason: fileProblem(denied, t) }));
  if (existing !== null) return;
  const directory = dirname(resolve(path));
  if (stat(directory)?.isDirectory() !== true) {
    throw new UsageError(t("cli.error.out-no-directory", { path, directory }));
  }
  const readOnly = writable(directory);
  if (readOnly !== null) {
    throw new UsageError(t("cli.error.out-not-writable", { path, reason: fileProblem(readOnly, t) }));
  }
}

/** Writes the file, with the same one-line refusals when that still fails (a disk filled meanwhile). */
export function writeOut(path: string, bytes: Uint8Array, t: Translator): void {
  try {
    writeFileSync(path, bytes);
  } catch (error) {
    throw new UsageError(t("cli.error.out-not-writable", { path, reason: fileProblem(error, t) }));
  }
}
