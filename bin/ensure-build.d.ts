/** Compiles src/ into dist/ unless dist/ is already the build of the sources as they are now. */
export function ensureBuilt(options?: { log?: (text: string) => void }): void;
export class BuildFailedError extends Error {
  constructor(cause: unknown);
}
export function ensureBuiltOrExit(): void;
