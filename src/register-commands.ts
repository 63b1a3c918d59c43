import { REST, type RESTGetAPIApplicationCommandsResult, Routes } from "discord.js";
import { hostOf, unreachableLine, unreachableReason } from "./bot/login.js";
import { COMMANDS } from "./commands/index.js";
import { loadConfigOrExit } from "./config.js";

/**
 * `npm run register`: puts the slash commands on Discord (to DEV_GUILD_ID when set, for instant
 * updates; globally otherwise) and prints what changed. Start-up never does this.
 */
const config = loadConfigOrExit({ requireDiscordToken: true });
const rest = new REST(config.discord.apiUrl === undefined ? {} : { api: config.discord.apiUrl }).setToken(
  config.discord.token ?? "",
);

/** What a registration sets, as Discord returns it: a change to any of these is an update. */
const COMPARED = [
  "description",
  "options",
  "name_localizations",
  "description_localizations",
  "default_member_permissions",
  "contexts",
  "integration_types",
  "nsfw",
] as const;

/** JSON with object keys sorted, so that two equal values from Discord compare equal as text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

try {
  const applicationId =
    config.discord.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const guildId = config.discord.devGuildId;
  const route =
    guildId === undefined
      ? Routes.applicationCommands(applicationId)
      : Routes.applicationGuildCommands(applicationId, guildId);
  // Without `with_localizations` Discord leaves the localisation maps out, and a changed
  // translation would read as unchanged. Both sides are read the same way, so that only what
  // changed differs (not the shape of a listing against the shape of the PUT's answer).
  const list = async () =>
    (await rest.get(route, {
      query: new URLSearchParams({ with_localizations: "true" }),
    })) as RESTGetAPIApplicationCommandsResult;
  const before = await list();
  await rest.put(route, { body: COMMANDS.map((c) => c.data) });
  const after = await list();
  const beforeNames = new Set(before.map((c) => c.name));
  const where = guildId === undefined ? "globally (may take up to an hour to show)" : `to guild ${guildId}`;
  process.stdout.write(`Registered ${after.length} commands ${where}.\n`);
  for (const current of after) {
    const previous = before.find((c) => c.name === current.name);
    const same = (field: (typeof COMPARED)[number]) =>
      canonical(previous?.[field] ?? null) === canonical(current[field] ?? null);
    const status = previous === undefined ? "added" : COMPARED.every(same) ? "unchanged" : "updated";
    process.stdout.write(`  /${current.name}: ${status}\n`);
  }
  for (const name of beforeNames) {
    if (!after.some((c) => c.name === name)) process.stdout.write(`  /${name}: removed\n`);
  }
} catch (error) {
  const status = (error as { status?: number }).status;
  const unreachable = unreachableReason(error);
  const reason =
    status === 401
      ? "Discord rejected DISCORD_TOKEN (401 Unauthorized)"
      : unreachable !== null
        ? unreachableLine(hostOf(rest.options.api), unreachable)
        : (error as Error).message;
  process.stderr.write(`hubtrends register: ${reason}\n`);
  process.exitCode = 1;
}
