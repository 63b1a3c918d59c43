// Keeps dist/ (the compiled JavaScript that `npm start`, `npm run register` and `npx hubtrends`
// run) up to date with src/ in a checkout: compiled once, and again only when a source changed.
// Starting a process through tsx costs ~1 s and ~60 MB more than running the build (`npm run bench
// "cold start"`), so the commands run dist/. The check is cheap: one stat per source file (~200),
// compared with the stamp the last build wrote; never a compile when nothing changed. Two starts
// at once do not build over each other: the first takes a lock (a directory, created atomically),
// the second waits for it and then finds the build fresh. Plain JavaScript on purpose: it runs
// before anything is compiled.
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".build-stamp.json");
const LOCK = join(ROOT, ".dist-build.lock");
/** A lock older than this is from a build that died (a compile takes ~10 s here). */
const STALE_LOCK_MS = 5 * 60_000;
/** What a build reads besides src/: a change of either changes the output. */
const INPUTS = ["tsconfig.json", "tsconfig.build.json", "package-lock.json"];

/** Every source file with its mtime, in a stable order: what the stamp records. */
function sourceState() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(join(ROOT, "src"));
  for (const input of INPUTS) if (existsSync(join(ROOT, input))) files.push(join(ROOT, input));
  files.sort();
  // The list and each mtime: a file added, removed, renamed or edited changes the state.
  return files.map((path) => `${path.slice(ROOT.length)}@${statSync(path).mtimeMs}`).join("\n");
}

function isFresh(state) {
  try {
    return JSON.parse(readFileSync(STAMP, "utf8")).sources === state;
  } catch {
    return false;
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function takeLock() {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      let age = 0;
      try {
        age = Date.now() - statSync(LOCK).mtimeMs;
      } catch {
        continue; // released between the two calls: try again at once
      }
      if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      else sleep(100);
    }
  }
}

/** The compiler refused the sources; its errors are printed above (it writes to this terminal). */
export class BuildFailedError extends Error {
  name = "BuildFailedError";
  constructor(cause) {
    super(
      "hubtrends: src/ does not compile (the TypeScript errors are above); dist/ is left as it was. Fix them, or run `git status` to see what changed.",
      { cause },
    );
  }
}

/**
 * {@link ensureBuilt} for an entry point: a failed compile is one line after the compiler's own,
 * exit code 1, rather than a stack trace of the child process.
 */
export function ensureBuiltOrExit() {
  try {
    ensureBuilt();
  } catch (error) {
    if (!(error instanceof BuildFailedError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** Compiles src/ into dist/ unless dist/ is already the build of the sources as they are now. */
export function ensureBuilt({ log = (text) => process.stderr.write(`${text}\n`) } = {}) {
  if (!existsSync(join(ROOT, "src"))) return; // an image or package with dist/ only
  if (isFresh(sourceState())) return;
  takeLock();
  try {
    // Another start may have built while this one waited for the lock.
    const state = sourceState();
    if (isFresh(state)) return;
    const why = existsSync(STAMP) ? "sources changed since the last build" : "first run: about 15 s, once";
    log(`hubtrends: compiling src/ into dist/ (${why})…`);
    const building = join(ROOT, `.dist-building-${process.pid}`);
    rmSync(building, { recursive: true, force: true });
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    // Into a directory of its own, then swapped in: files of deleted sources do not linger, and a
    // failed compile leaves the previous build as it was.
    try {
      execFileSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json"), "--outDir", building], {
        cwd: ROOT,
        stdio: ["ignore", "inherit", "inherit"],
      });
    } catch (error) {
      rmSync(building, { recursive: true, force: true });
      throw new BuildFailedError(error);
    }
    writeFileSync(
      join(building, ".build-stamp.json"),
      JSON.stringify({ sources: state, builtAt: new Date().toISOString() }),
    );
    const old = join(ROOT, `.dist-old-${process.pid}`);
    if (existsSync(DIST)) renameSync(DIST, old);
    renameSync(building, DIST);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
