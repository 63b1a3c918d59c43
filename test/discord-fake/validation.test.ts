import { MessageCreateRequestSchema, setStrictObject } from "discord-api-spec/zod";
import { describe, expect, it } from "vitest";
import { commandProblems } from "../fakes/discord/command-limits.js";
import { autocompleteProblems, messageProblems } from "../fakes/discord/limits.js";
import { strictCopy } from "../fakes/discord/strict-schema.js";
import { describeProblem, errorTree, Schemas, schemaProblems } from "../fakes/discord/validation.js";

const noFiles = { attachmentNames: new Set<string>(), creates: true, fileCount: 0 };
const codes = (problems: { code: string }[]): string[] => problems.map((p) => p.code);

describe("strict copies of discord-api-spec schemas", () => {
  it("setStrictObject(true) after import leaves the package's own schemas open to unknown keys", () => {
    // Canary: if the package ever builds schemas lazily, strict-schema.ts can go.
    setStrictObject(true);
    expect(MessageCreateRequestSchema.safeParse({ content: "hi", contnet: "typo" }).success).toBe(true);
  });

  it("rejects an unknown key at the top level and deep inside embeds", () => {
    const problems = schemaProblems(strictCopy(MessageCreateRequestSchema), {
      content: "hi",
      embeds: [{ title: "t", fields: [{ name: "n", value: "v", inlined: true }] }],
      allowedMentions: {},
    });
    expect(problems.map(describeProblem)).toEqual([
      "embeds[0].fields[0].inlined: UNKNOWN_FIELD Not in Discord's schema: Discord would silently drop it (the fake rejects it to catch typos).",
      "allowedMentions: UNKNOWN_FIELD Not in Discord's schema: Discord would silently drop it (the fake rejects it to catch typos).",
    ]);
  });

  it("still accepts a well-formed message with an attachment reference", () => {
    const body = {
      content: "x",
      embeds: [{ title: "t", image: { url: "attachment://chart.png" } }],
      attachments: [{ id: "0" }],
    };
    expect(schemaProblems(Schemas.channelMessage, body)).toEqual([]);
  });

  it("reports the union branch whose type matched, not all eleven option kinds", () => {
    const problems = schemaProblems(Schemas.command, {
      name: "trends",
      description: "d",
      options: [{ type: 3, name: "region", description: "x".repeat(101) }],
    });
    expect(problems).toEqual([
      {
        path: ["options", 0, "description"],
        code: "BASE_TYPE_MAX_LENGTH",
        message: "Must be 100 or fewer in length.",
      },
    ]);
  });
});

describe("message limits", () => {
  it("counts 6,000 characters across all embeds of a message", () => {
    const embeds = [{ description: "a".repeat(4000) }, { description: "b".repeat(2001) }];
    expect(codes(messageProblems({ embeds }, noFiles).problems)).toEqual(["MAX_EMBED_SIZE_EXCEEDED"]);
    expect(
      messageProblems(
        { embeds: [{ description: "a".repeat(4000) }, { description: "b".repeat(2000) }] },
        noFiles,
      ).problems,
    ).toEqual([]);
  });

  it("holds title, field, footer and author lengths and the field count", () => {
    const embed = {
      title: "t".repeat(257),
      fields: [
        ...Array.from({ length: 26 }, () => ({ name: "n", value: "v" })),
        { name: "", value: "v".repeat(1025) },
      ],
      footer: { text: "f".repeat(2049) },
      author: { name: "a".repeat(257) },
    };
    expect(messageProblems({ embeds: [embed] }, noFiles).problems.map(describeProblem)).toEqual([
      "embeds[0].title: BASE_TYPE_MAX_LENGTH Must be 256 or fewer in length.",
      "embeds[0].footer.text: BASE_TYPE_MAX_LENGTH Must be 2048 or fewer in length.",
      "embeds[0].author.name: BASE_TYPE_MAX_LENGTH Must be 256 or fewer in length.",
      "embeds[0].fields: BASE_TYPE_MAX_LENGTH Must be 25 or fewer in length.",
      "embeds[0].fields[26].name: BASE_TYPE_BAD_LENGTH Must be between 1 and 256 in length.",
      "embeds[0].fields[26].value: BASE_TYPE_BAD_LENGTH Must be between 1 and 1024 in length.",
    ]);
  });

  it("holds bots to 2,000 characters of content although the spec allows 4,000", () => {
    expect(schemaProblems(Schemas.channelMessage, { content: "x".repeat(2001) })).toEqual([]);
    expect(codes(messageProblems({ content: "x".repeat(2001) }, noFiles).problems)).toEqual([
      "BASE_TYPE_MAX_LENGTH",
    ]);
  });

  it("rejects attachment:// references to files that were not uploaded", () => {
    const body = {
      embeds: [{ image: { url: "attachment://chart.png" }, thumbnail: { url: "attachment://logo.png" } }],
    };
    const ctx = { attachmentNames: new Set(["chart.png"]), creates: true, fileCount: 1 };
    expect(messageProblems(body, ctx).problems.map((p) => p.path)).toEqual([
      ["embeds", 0, "thumbnail", "url"],
    ]);
  });

  it("calls a new message with no content, embed, file or component empty, but not an edit", () => {
    expect(messageProblems({ content: "" }, noFiles).empty).toBe(true);
    expect(messageProblems({}, { ...noFiles, fileCount: 1 }).empty).toBe(false);
    expect(messageProblems({}, { ...noFiles, creates: false }).empty).toBe(false);
  });
});

describe("command limits", () => {
  const command = (over: Record<string, unknown>) => ({
    name: "trends",
    description: "Trends",
    type: 1,
    ...over,
  });

  it("rejects names with spaces or capitals for chat-input commands only", () => {
    expect(codes(commandProblems(command({ name: "Trends Now" }), 0))).toEqual([
      "APPLICATION_COMMAND_INVALID_NAME",
    ]);
    expect(codes(commandProblems(command({ name: "trends" }), 0))).toEqual([]);
    expect(codes(commandProblems(command({ name: "趋势" }), 0))).toEqual([]);
    expect(codes(commandProblems({ name: "Show Trends", description: "", type: 3 }, 0))).toEqual([]);
  });

  it("requires descriptions of 1 to 100 characters on commands and options", () => {
    const options = [{ type: 3, name: "region", description: "" }];
    expect(commandProblems(command({ description: "x".repeat(101), options }), 2).map((p) => p.path)).toEqual(
      [
        [2, "description"],
        [2, "options", 0, "description"],
      ],
    );
  });

  it("checks localizations: known locale keys, valid names", () => {
    const problems = commandProblems(
      command({ name_localizations: { "zh-CN": "趋势", xx: "trends", de: "Trends Jetzt" } }),
      0,
    );
    expect(problems.map(describeProblem)).toEqual([
      '[0].name_localizations.xx: LOCALE_INVALID Invalid locale "xx".',
      "[0].name_localizations.de: APPLICATION_COMMAND_INVALID_LOCALIZATION Invalid localization.",
    ]);
  });

  it("rejects a required option after an optional one and choice values over 100 characters", () => {
    const options = [
      { type: 3, name: "since", description: "d" },
      {
        type: 3,
        name: "region",
        description: "d",
        required: true,
        choices: [{ name: "x", value: "v".repeat(101) }],
      },
    ];
    expect(codes(commandProblems(command({ options }), 0))).toEqual([
      "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
      "BASE_TYPE_MAX_LENGTH",
    ]);
  });
});

describe("autocomplete limits", () => {
  it("allows 25 choices and rejects 26", () => {
    const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `c${i}`, value: `v${i}` }));
    expect(autocompleteProblems({ choices: choices(25) }, 3)).toEqual([]);
    expect(codes(autocompleteProblems({ choices: choices(26) }, 3))).toEqual(["BASE_TYPE_MAX_LENGTH"]);
  });

  it("rejects values that do not match the focused option's type", () => {
    expect(codes(autocompleteProblems({ choices: [{ name: "one", value: 1 }] }, 3))).toEqual([
      "BASE_TYPE_CHOICES",
    ]);
    expect(codes(autocompleteProblems({ choices: [{ name: "half", value: 0.5 }] }, 4))).toEqual([
      "NUMBER_TYPE_COERCE",
    ]);
  });
});

it("nests problems into Discord's error shape with _errors leaves", () => {
  const tree = errorTree([
    {
      path: ["embeds", 0, "title"],
      code: "BASE_TYPE_MAX_LENGTH",
      message: "Must be 256 or fewer in length.",
    },
    { path: ["embeds", 0, "title"], code: "OTHER", message: "m" },
  ]);
  expect(tree).toEqual({
    embeds: {
      "0": {
        title: {
          _errors: [
            { code: "BASE_TYPE_MAX_LENGTH", message: "Must be 256 or fewer in length." },
            { code: "OTHER", message: "m" },
          ],
        },
      },
    },
  });
});
