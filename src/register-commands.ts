import { REST, type RESTGetAPIApplicationCommandsResult, Routes } from "discord.js";
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

try {
  const applicationId =
    config.discord.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const guildId = config.discord.devGuildId;
  const route =
    guildId === undefined
      ? Routes.applicationCommands(applicationId)
      : Routes.applicationGuildCommands(applicationId, guildId);
  const before = (await rest.get(route)) as RESTGetAPIApplicationCommandsResult;
  const after = (await rest.put(route, {
    body: COMMANDS.map((c) => c.data),
  })) as RESTGetAPIApplicationCommandsResult;
  const beforeNames = new Set(before.map((c) => c.name));
  const afterNames = new Set(after.map((c) => c.name));
  const where = guildId === undefined ? "globally (may take up to an hour to show)" : `to guild ${guildId}`;
  process.stdout.write(`Registered ${after.length} commands ${where}.\n`);
  for (const name of afterNames) {
    const previous = before.find((c) => c.name === name);
    const current = after.find((c) => c.name === name);
    const status = !beforeNames.has(name)
      ? "added"
      : JSON.stringify(previous?.options ?? []) === JSON.stringify(current?.options ?? []) &&
          previous?.description === current?.description
        ? "unchanged"
        : "updated";
    process.stdout.write(`  /${name}: ${status}\n`);
  }
  for (const name of beforeNames) if (!afterNames.has(name)) process.stdout.write(`  /${name}: removed\n`);
} catch (error) {
  const status = (error as { status?: number }).status;
  const reason =
    status === 401 ? "Discord rejected DISCORD_TOKEN (401 Unauthorized)" : (error as Error).message;
  process.stderr.write(`hubtrends register: ${reason}\n`);
  process.exitCode = 1;
}
