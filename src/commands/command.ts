import type {
  ApplicationCommandOptionChoiceData,
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Logger } from "pino";
import type { Cooldowns } from "../bot/cooldowns.js";
import type { DigestServices } from "../bot/digest-runtime.js";
import type { QueryCache } from "../services/cache/query-cache.js";
import type { ChartRenderer } from "../services/charts/renderer.js";
import type { HubClient } from "../services/hub/hub-client.js";
import type { RegionAttributor } from "../services/regions/attribution.js";
import type { CollectionStatus } from "../services/snapshots/collection-schedule.js";
import type { HubQueries } from "../services/snapshots/hub-queries.js";
import type { TrendsService } from "../services/snapshots/trends-service.js";
import type { SnapshotStore } from "../services/storage/snapshot-store.js";

/** Everything a command may use; passed in explicitly, never imported as a singleton. */
export interface CommandServices {
  trends: TrendsService;
  store: SnapshotStore;
  cache: QueryCache;
  hub: HubClient;
  hubQueries: HubQueries;
  lookup: RegionAttributor;
  renderer: ChartRenderer;
  chartSize: { width: number; height: number; devicePixelRatio: number };
  collection: CollectionStatus;
  cooldowns: Cooldowns;
  /** Weekly digests: settings, the scheduler (send-now), and the post builder (preview). */
  digests: DigestServices;
  clock: () => Date;
  logger: Logger;
}

/** One slash command: its registration data and what it does. */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Per-user cooldown for commands that render charts; absent for cheap ones. */
  cooldownSeconds?: number;
  execute(interaction: ChatInputCommandInteraction, services: CommandServices): Promise<void>;
  /** Choices for the focused option; must be fast (memory only) and never throw on odd input. */
  autocomplete?(
    interaction: AutocompleteInteraction,
    services: CommandServices,
  ): ApplicationCommandOptionChoiceData<string>[];
}
