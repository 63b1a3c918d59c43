import type { Command } from "./command.js";
import trends from "./trends.js";

/** Every slash command, listed explicitly: the router and the registration script both read this. */
export const COMMANDS: readonly Command[] = [trends];
