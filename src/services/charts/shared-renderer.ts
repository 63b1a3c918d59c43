import { createHash } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { QueryCache } from "../cache/query-cache.js";
import { createLimiter } from "../concurrency-limit.js";
import { SNAPSHOT_QUERY_PREFIX } from "../snapshots/collector.js";
import type { ChartRenderer, RenderSize } from "./renderer.js";
import type { ChartSpec } from "./types.js";

/**
 * A renderer for a busy bot. Rendering is synchronous CPU work (~20 ms a chart at ×2), so a burst
 * of commands would otherwise hold the event loop long enough that Discord's 3-second window to
 * acknowledge passes, and keep a canvas alive per waiting command. So:
 * - identical charts are rendered once and shared: the PNG is cached under a hash of the spec and
 *   size (the spec holds every number drawn, so equal hashes mean equal pictures), with the
 *   snapshot prefix so a new snapshot drops them;
 * - at most `concurrency` renders run at a time, and each yields to the event loop first, so
 *   acknowledgements and other I/O go out between renders.
 */
export function createSharedRenderer(
  inner: ChartRenderer,
  deps: { cache: QueryCache; concurrency: number },
): ChartRenderer {
  const limit = createLimiter(deps.concurrency);
  return {
    async render(spec: ChartSpec, size?: Partial<RenderSize>): Promise<Buffer> {
      const key = `${SNAPSHOT_QUERY_PREFIX}png:${createHash("sha1")
        .update(JSON.stringify([spec, size]))
        .digest("hex")}`;
      const cached = await deps.cache.get(key, () =>
        limit(async () => {
          await yieldToEventLoop();
          return inner.render(spec, size);
        }),
      );
      return cached.value;
    },
  };
}
