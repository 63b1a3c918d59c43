import type { Command } from "../bot/command.js";
import about from "./about.js";
import compare from "./compare.js";
import digest from "./digest/index.js";
import model from "./model.js";
import org from "./org.js";
import top from "./top.js";
import trends from "./trends.js";
import watch from "./watch/index.js";

/** Every slash command, listed explicitly: the router and the registration script both read this. */
export const COMMANDS: readonly Command[] = [trends, top, model, org, compare, about, digest, watch];
