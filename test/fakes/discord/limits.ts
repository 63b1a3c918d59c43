/**
 * Discord's documented limits that `discord-api-spec` does not encode (or encodes loosely: it allows 4,000
 * characters of content and 6,000-character choice values, which only Nitro users and nobody get).
 */

/** One problem with a request body, at a JSON path, in Discord's terms. */
export interface Problem {
  path: (string | number)[];
  code: string;
  message: string;
}

/** A JSON object as parsed from a request body. */
export type Json = Record<string, unknown>;

/** Narrows parsed JSON to an object (arrays and null excluded). */
export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
/** A string field, or "" when absent or not a string (length checks then count nothing). */
export const text = (v: unknown): string => (typeof v === "string" ? v : "");
/** Discord's problem for a string or array over its maximum length. */
export const tooLong = (path: Problem["path"], max: number): Problem => ({
  path,
  code: "BASE_TYPE_MAX_LENGTH",
  message: `Must be ${max} or fewer in length.`,
});
/** Discord's problem for a string outside a length range. */
export const badLength = (path: Problem["path"], min: number, max: number): Problem => ({
  path,
  code: "BASE_TYPE_BAD_LENGTH",
  message: `Must be between ${min} and ${max} in length.`,
});

/** Media fields of an embed that may point at an uploaded file with `attachment://name`. */
const MEDIA_FIELDS = [
  ["image", "url"],
  ["thumbnail", "url"],
  ["author", "icon_url"],
  ["footer", "icon_url"],
] as const;

/** What a message body may refer to besides itself. */
export interface MessageContext {
  /** Filenames available as `attachment://name`: uploaded now, or kept from the message being edited. */
  attachmentNames: ReadonlySet<string>;
  /** Whether the body creates a message (which must not be empty) rather than editing one. */
  creates: boolean;
  /** Number of files uploaded with the body. */
  fileCount: number;
}

/** Problems of a message body (create, edit, interaction reply or follow-up), plus whether it is empty. */
export function messageProblems(body: Json, ctx: MessageContext): { problems: Problem[]; empty: boolean } {
  const problems: Problem[] = [];
  if (text(body.content).length > 2000) problems.push(tooLong(["content"], 2000));
  const embeds = Array.isArray(body.embeds) ? body.embeds : [];
  if (embeds.length > 10) problems.push(tooLong(["embeds"], 10));
  let total = 0;
  for (const [i, embed] of embeds.entries()) {
    if (!isObject(embed)) continue;
    const at = (...rest: (string | number)[]): Problem["path"] => ["embeds", i, ...rest];
    const title = text(embed.title);
    const description = text(embed.description);
    const footer = isObject(embed.footer) ? text(embed.footer.text) : "";
    const author = isObject(embed.author) ? text(embed.author.name) : "";
    if (title.length > 256) problems.push(tooLong(at("title"), 256));
    if (description.length > 4096) problems.push(tooLong(at("description"), 4096));
    if (footer.length > 2048) problems.push(tooLong(at("footer", "text"), 2048));
    if (author.length > 256) problems.push(tooLong(at("author", "name"), 256));
    total += title.length + description.length + footer.length + author.length;
    const fields = Array.isArray(embed.fields) ? embed.fields : [];
    if (fields.length > 25) problems.push(tooLong(at("fields"), 25));
    for (const [j, field] of fields.entries()) {
      if (!isObject(field)) continue;
      const name = text(field.name);
      const value = text(field.value);
      if (name.length < 1 || name.length > 256) problems.push(badLength(at("fields", j, "name"), 1, 256));
      if (value.length < 1 || value.length > 1024)
        problems.push(badLength(at("fields", j, "value"), 1, 1024));
      total += name.length + value.length;
    }
    for (const [field, key] of MEDIA_FIELDS) {
      const media = embed[field];
      const url = isObject(media) ? text(media[key]) : "";
      const name = url.startsWith("attachment://") ? url.slice("attachment://".length) : undefined;
      if (name !== undefined && !ctx.attachmentNames.has(name)) {
        problems.push({
          path: at(field, key),
          code: "ATTACHMENT_NOT_FOUND",
          message: `attachment://${name} is not among the uploaded files (${[...ctx.attachmentNames].join(", ") || "none"}); Discord would show no image.`,
        });
      }
    }
  }
  if (total > 6000) {
    problems.push({
      path: ["embeds"],
      code: "MAX_EMBED_SIZE_EXCEEDED",
      message: "Embed size exceeds maximum size of 6000",
    });
  }
  const hasSomething =
    text(body.content).length > 0 ||
    embeds.length > 0 ||
    ctx.fileCount > 0 ||
    (Array.isArray(body.components) && body.components.length > 0) ||
    (Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0) ||
    isObject(body.poll);
  return { problems, empty: ctx.creates && !hasSomething };
}
/** Problems of an autocomplete answer, given the type of the focused option (3 string, 4 integer, 10 number). */
export function autocompleteProblems(data: unknown, focusedType: number | undefined): Problem[] {
  const choices = isObject(data) && Array.isArray(data.choices) ? data.choices : [];
  const problems: Problem[] = [];
  if (choices.length > 25) problems.push(tooLong(["data", "choices"], 25));
  for (const [i, choice] of choices.entries()) {
    if (!isObject(choice)) continue;
    const name = text(choice.name);
    if (name.length < 1 || name.length > 100)
      problems.push(badLength(["data", "choices", i, "name"], 1, 100));
    const value = choice.value;
    if (typeof value === "string" && value.length > 100)
      problems.push(tooLong(["data", "choices", i, "value"], 100));
    const expected =
      focusedType === 3 ? "string" : focusedType === 4 || focusedType === 10 ? "number" : undefined;
    if (expected && typeof value !== expected) {
      problems.push({
        path: ["data", "choices", i, "value"],
        code: "BASE_TYPE_CHOICES",
        message: `The focused option is of type ${focusedType}; choice values must be ${expected}s.`,
      });
    }
    if (focusedType === 4 && typeof value === "number" && !Number.isInteger(value)) {
      problems.push({
        path: ["data", "choices", i, "value"],
        code: "NUMBER_TYPE_COERCE",
        message: `Value "${value}" is not int.`,
      });
    }
  }
  return problems;
}
