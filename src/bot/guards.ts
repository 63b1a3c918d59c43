import { PermissionFlagsBits } from "discord.js";
import type { KeyTaking, PermissionName, PlainKey } from "../locales/index.js";
import type { Cooldowns } from "./cooldowns.js";
import { UserFacingError } from "./user-facing-error.js";

/** Permissions someone must have, and what they are told when one is missing. */
export interface PermissionNeed {
  readonly permissions: readonly PermissionName[];
  /** Told which are missing. */
  readonly refusal: KeyTaking<{ missing: readonly PermissionName[] }>;
}

/** What an answer with a chart needs of the bot in the channel it is given in. */
export const CHART_ANSWER: PermissionNeed = {
  permissions: ["EmbedLinks", "AttachFiles"],
  refusal: "guard.chart-permissions",
};

/** What an answer of embeds without a chart needs. */
export const EMBED_ANSWER: PermissionNeed = {
  permissions: ["EmbedLinks"],
  refusal: "guard.embed-permissions",
};

/**
 * What a command or subcommand needs before it may answer. It declares these; the router applies
 * every one, in one place (no command calls a guard), in this order: who and where (before any
 * option is read, so nobody learns anything they may not), then the options and the command's own
 * check, then what the answer needs (the bot's permissions in the channel) and the cooldown, last,
 * so that a refused input costs none.
 */
export interface Needs {
  /** Only in a server; what someone is told elsewhere. */
  readonly guildOnly?: { readonly refusal: PlainKey };
  /** The member's own permissions (from the interaction: server admins can change who sees a command). */
  readonly memberPermissions?: PermissionNeed;
  /** The bot's permissions in the channel (`app_permissions`: Discord sends them, no request needed). */
  readonly appPermissions?: PermissionNeed;
  /** Per-user cooldown of this command, in seconds. */
  readonly cooldownSeconds?: number;
}

/** What the guards read of an interaction. */
export interface GuardSubject {
  /** `/digest set`: the cooldown is per command path. */
  commandPath: string;
  userId: string;
  guildId: string | null;
  /** Null when the interaction carries none (a DM has no member). */
  memberPermissions: bigint | null;
  appPermissions: bigint | null;
}

interface Guard<Need> {
  /** `access`: before the options are read; `answer`: after the command's check, before answering. */
  stage: "access" | "answer";
  apply(need: Need, subject: GuardSubject, deps: { cooldowns: Cooldowns }): void;
}

/**
 * Every guard, one per kind of need: the mapped type makes a need without a guard a compile error,
 * and the router applies whatever a command declares by walking this table.
 */
export const GUARDS: { readonly [K in keyof Needs]-?: Guard<NonNullable<Needs[K]>> } = {
  guildOnly: {
    stage: "access",
    apply(need, subject) {
      if (subject.guildId === null) throw new UserFacingError(need.refusal);
    },
  },
  memberPermissions: {
    stage: "access",
    apply(need, subject) {
      requirePermissions(need, subject.memberPermissions);
    },
  },
  appPermissions: {
    stage: "answer",
    apply(need, subject) {
      requirePermissions(need, subject.appPermissions);
    },
  },
  cooldownSeconds: {
    stage: "answer",
    apply(seconds, subject, { cooldowns }) {
      const leftMs = cooldowns.take(subject.commandPath, subject.userId, seconds * 1000);
      if (leftMs > 0) {
        throw new UserFacingError("guard.cooldown", {
          seconds: Math.ceil(leftMs / 1000),
          command: subject.commandPath,
        });
      }
    },
  },
};

/** Applies the needs of one stage, in the table's order; throws the first refusal. */
export function applyGuards(
  stage: "access" | "answer",
  needs: Needs,
  subject: GuardSubject,
  deps: { cooldowns: Cooldowns },
): void {
  for (const kind of Object.keys(GUARDS) as (keyof Needs)[]) {
    const need = needs[kind];
    const guard = GUARDS[kind] as Guard<typeof need>;
    if (need !== undefined && guard.stage === stage) guard.apply(need, subject, deps);
  }
}

/** The permissions of `needed` that `has` lacks. */
export function missingPermissions(
  has: (permission: bigint) => boolean,
  needed: readonly PermissionName[],
): PermissionName[] {
  return needed.filter((name) => !has(PermissionFlagsBits[name]));
}

/** Whether a permission bitfield grants `permission` (Administrator grants everything, as on Discord). */
export function grants(bits: bigint, permission: bigint): boolean {
  if ((bits & PermissionFlagsBits.Administrator) === PermissionFlagsBits.Administrator) return true;
  return (bits & permission) === permission;
}

function requirePermissions(need: PermissionNeed, bits: bigint | null): void {
  const missing = missingPermissions(
    (permission) => bits !== null && grants(bits, permission),
    need.permissions,
  );
  if (missing.length > 0) throw new UserFacingError(need.refusal, { missing });
}
