import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits } from "discord.js";
import { defineParentCommand } from "../../bot/command.js";
import add from "./add.js";
import list from "./list.js";
import remove from "./remove.js";
import test from "./test.js";

/**
 * `/watch`: release alerts per Hub organisation. Only members with Manage Server see it by default,
 * only in servers; every subcommand needs both (WATCH_NEEDS), which the router checks.
 */
export default defineParentCommand({
  name: "watch",
  description: "watch.description",
  registration: {
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    dm_permission: false,
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  },
  subcommands: [add, list, test, remove],
});
