import { z } from "zod";
import bundledEntries from "./not-established.json" with { type: "json" };

/**
 * Namespaces that were looked up and deliberately left unattributed because no reliable base could
 * be established, each with the reason: reviewed data like organisations.json, shown by `/about`
 * and checked by the snapshot test (every namespace above 0.3% of downloads is either attributed or
 * here). Attributing one means moving it to organisations.json with a source.
 */
export const notEstablishedEntrySchema = z.strictObject({
  author: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?$/, "not a Hub namespace"),
  reason: z.string().trim().min(1).max(200),
});
export type NotEstablished = z.infer<typeof notEstablishedEntrySchema>;

export const notEstablishedFileSchema = z.array(notEstablishedEntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const key = entry.author.toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: [index, "author"], message: "listed twice" });
    seen.add(key);
  });
});

let bundled: readonly NotEstablished[] | undefined;

/** The bundled list, validated on first use (throws naming every bad entry). */
export function notEstablishedNamespaces(): readonly NotEstablished[] {
  if (bundled === undefined) {
    const parsed = notEstablishedFileSchema.safeParse(bundledEntries);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
      throw new Error(`invalid not-established list:\n${problems.join("\n")}`);
    }
    bundled = Object.freeze(parsed.data.map((entry) => Object.freeze(entry)));
  }
  return bundled;
}
