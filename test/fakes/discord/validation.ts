import {
  ApplicationCommandAutocompleteCallbackRequestSchema,
  ApplicationCommandCreateRequestSchema,
  CreateForumThreadRequestSchema,
  CreateMessageInteractionCallbackRequestSchema,
  IncomingWebhookRequestPartialSchema,
  IncomingWebhookUpdateForInteractionCallbackRequestPartialSchema,
  LaunchActivityInteractionCallbackRequestSchema,
  MessageCreateRequestSchema,
  MessageEditRequestPartialSchema,
  ModalInteractionCallbackRequestSchema,
  UpdateMessageInteractionCallbackRequestSchema,
} from "discord-api-spec/zod";
import type * as z from "zod/mini";
import type { Problem } from "./limits.js";
import { strictCopy } from "./strict-schema.js";

/** The request schemas the fake checks bodies against, every object in them closed to unknown keys. */
export const Schemas = {
  command: strictCopy(ApplicationCommandCreateRequestSchema),
  messageCallback: strictCopy(CreateMessageInteractionCallbackRequestSchema),
  updateCallback: strictCopy(UpdateMessageInteractionCallbackRequestSchema),
  autocompleteCallback: strictCopy(ApplicationCommandAutocompleteCallbackRequestSchema),
  modalCallback: strictCopy(ModalInteractionCallbackRequestSchema),
  launchActivityCallback: strictCopy(LaunchActivityInteractionCallbackRequestSchema),
  webhookEdit: strictCopy(IncomingWebhookUpdateForInteractionCallbackRequestPartialSchema),
  followUp: strictCopy(IncomingWebhookRequestPartialSchema),
  channelMessage: strictCopy(MessageCreateRequestSchema),
  channelMessageEdit: strictCopy(MessageEditRequestPartialSchema),
  forumThread: strictCopy(CreateForumThreadRequestSchema),
} as const;

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue): Omit<Problem, "path"> {
  switch (issue.code) {
    case "too_big":
      return issue.origin === "number" || issue.origin === "int"
        ? { code: "NUMBER_TYPE_MAX", message: `int value should be less than or equal to ${issue.maximum}.` }
        : { code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${issue.maximum} or fewer in length.` };
    case "too_small":
      return issue.origin === "number" || issue.origin === "int"
        ? {
            code: "NUMBER_TYPE_MIN",
            message: `int value should be greater than or equal to ${issue.minimum}.`,
          }
        : { code: "BASE_TYPE_MIN_LENGTH", message: `Must be ${issue.minimum} or more in length.` };
    case "invalid_type":
      return issue.input === undefined
        ? { code: "BASE_TYPE_REQUIRED", message: "This field is required" }
        : {
            code: `BASE_TYPE_${issue.expected.toUpperCase()}`,
            message: `Must be of type ${issue.expected}.`,
          };
    case "invalid_value":
      return { code: "BASE_TYPE_CHOICES", message: `Value must be one of ${JSON.stringify(issue.values)}.` };
    case "invalid_format":
      return { code: "BASE_TYPE_INVALID_FORMAT", message: `Not a valid ${issue.format}.` };
    default:
      return { code: "BASE_TYPE_INVALID", message: issue.message };
  }
}

/**
 * Zod reports a failed union as one issue holding every branch's issues. Discord only reports the branch the
 * body was meant for, which is the one whose `type` literal matched; failing that, the one with fewest issues.
 */
function bestBranch(branches: readonly Issue[][]): Issue[] {
  const typeMismatch = (issues: readonly Issue[]): boolean =>
    issues.some((i) => i.code === "invalid_value" && i.path.length === 1 && i.path[0] === "type");
  const candidates = branches.filter((b) => !typeMismatch(b));
  const pool = candidates.length > 0 ? candidates : branches;
  return pool.reduce((best, b) => (b.length < best.length ? b : best), pool[0] ?? []);
}

function toProblems(issues: readonly Issue[], prefix: Problem["path"]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        problems.push({
          path: [...path, key],
          code: "UNKNOWN_FIELD",
          message:
            "Not in Discord's schema: Discord would silently drop it (the fake rejects it to catch typos).",
        });
      }
    } else if (issue.code === "invalid_union" && issue.errors.length > 0) {
      problems.push(...toProblems(bestBranch(issue.errors), path));
    } else {
      problems.push({ path, ...describeIssue(issue) });
    }
  }
  return problems;
}

/** Runs a strict schema over a body and reports the failures as Discord-style problems. */
export function schemaProblems(
  schema: z.ZodMiniType,
  body: unknown,
  prefix: Problem["path"] = [],
): Problem[] {
  const result = schema.safeParse(body);
  return result.success ? [] : toProblems(result.error.issues, prefix);
}

/**
 * Fields discord.js puts in every message body that Discord accepts but the spec does not list for every
 * endpoint: `tts: false` and `enforce_nonce: false` on interaction replies, follow-ups and webhook edits.
 * Only these harmless default values are let through, so a bot that really sets them still hears about it.
 */
const TOLERATED_DEFAULTS: Record<string, (value: unknown) => boolean> = {
  tts: (v) => v === false,
  enforce_nonce: (v) => v === false,
};

/** A copy of a message body without the tolerated default fields. */
export function withoutToleratedDefaults(body: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const copy: Record<string, unknown> = { ...body };
  for (const [key, harmless] of Object.entries(TOLERATED_DEFAULTS)) {
    if (key in copy && harmless(copy[key])) delete copy[key];
  }
  return copy;
}

/**
 * The spec types `default_member_permissions` as a number, but Discord's API (and discord.js, and the
 * builders) use a decimal string for every permission bitfield. Coerce it for the check only.
 */
export function normalizeCommandForSchema(command: unknown): unknown {
  if (typeof command !== "object" || command === null || Array.isArray(command)) return command;
  const copy: Record<string, unknown> = { ...command };
  const perms = copy.default_member_permissions;
  if (typeof perms === "string" && /^\d+$/.test(perms)) copy.default_member_permissions = Number(perms);
  // `nsfw` is a documented command field the spec's request schema lacks.
  if (typeof copy.nsfw === "boolean") delete copy.nsfw;
  return copy;
}

/** Discord's error body for problems: `{ code, message, errors: { a: { 0: { b: { _errors: [...] } } } } }`. */
export function errorTree(problems: readonly Problem[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const problem of problems) {
    let node = root;
    for (const segment of problem.path) {
      const key = String(segment);
      const next = node[key];
      if (typeof next === "object" && next !== null) node = next as Record<string, unknown>;
      else {
        const created: Record<string, unknown> = {};
        node[key] = created;
        node = created;
      }
    }
    const errors = Array.isArray(node._errors) ? node._errors : [];
    errors.push({ code: problem.code, message: problem.message });
    node._errors = errors;
  }
  return root;
}

/** `embeds[0].title: BASE_TYPE_MAX_LENGTH Must be 256 or fewer in length.` */
export function describeProblem(problem: Problem): string {
  const path = problem.path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join("");
  return `${path || "(body)"}: ${problem.code} ${problem.message}`;
}
