/**
 * Lean domain types for what we read from the Hugging Face Hub. The Hub's raw wire format is
 * mapped to these at the boundary (src/services/hub/) and never leaks further in.
 */

/** One model as the stats engine sees it. */
export interface ModelRecord {
  /** Repo id, e.g. `Qwen/Qwen3-8B` (not the Hub's internal `_id`). */
  id: string;
  /** Namespace that owns the repo: an organisation or a user, e.g. `Qwen`. */
  author: string;
  /** Downloads over the last 30 days, as the Hub reports them. */
  downloads: number;
  /** Downloads since the Hub started counting; null when the Hub did not send it. */
  downloadsAllTime: number | null;
  likes: number;
  trendingScore: number | null;
  /**
   * ISO creation time, or null when unknown. The Hub's placeholder for repos older than its
   * tracking of creation dates (2022-03-02T23:29:04.000Z) is mapped to null: such repos are not new.
   */
  createdAt: string | null;
  pipelineTag: string | null;
  libraryName: string | null;
  tags: string[];
  /** Total parameter count from the Hub's safetensors metadata, or null when not given. */
  parameters: number | null;
  /**
   * Base models its card declares (`cardData.base_model`), repo ids in the card's order; empty when
   * it declares none. The Hub's `base_model:…` tags say the same and stay in `tags`; lineage reads
   * both (src/services/method/lineage.ts), so snapshots saved before cards were read still work.
   */
  baseModels: string[];
  /** 1-based rank in the top-by-downloads list of the collection run, or null if not in it. */
  downloadsRank: number | null;
  /** 1-based rank in the trending list of the collection run, or null if not in it. */
  trendingRank: number | null;
}

/** One dataset, for `/top kind:datasets`. */
export interface DatasetRecord {
  id: string;
  author: string;
  downloads: number;
  likes: number;
  trendingScore: number | null;
  createdAt: string | null;
  tags: string[];
}

/** What one collection run brought back from the Hub. */
export interface CollectionResult {
  /** Models, deduplicated by id across the lists fetched (top downloads, trending, newest). */
  models: ModelRecord[];
  /** Records that failed validation and were skipped (counted, not fatal). */
  skipped: number;
  /** HTTP requests made to the Hub, retries included. */
  requests: number;
}
