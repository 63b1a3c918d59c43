import { z } from "zod";

/**
 * What the Discord bench's two processes say to each other over the IPC channel: the bench process
 * (the bot) asks, fakes-child.ts (the loopback Discord and the fake Hub) answers. Both sides parse
 * what they receive, so a mismatch between them fails loudly instead of producing odd figures.
 */

/** One `/trends` of a burst: the user (an index, see {@link benchUser}) and the region (null: overview). */
const trendsInteractionSchema = z.object({ user: z.number().int(), region: z.string().nullable() });
export type TrendsInteraction = z.infer<typeof trendsInteractionSchema>;

export const toChildSchema = z.discriminatedUnion("kind", [
  /** Dispatch these `/trends` together and answer once every one has its final answer. */
  z.object({ id: z.number(), kind: z.literal("trends"), interactions: z.array(trendsInteractionSchema) }),
  /** Dispatch a `/model` autocomplete per typed text, one after another. */
  z.object({ id: z.number(), kind: z.literal("autocomplete"), typed: z.array(z.string()) }),
]);
export type ToChild = z.infer<typeof toChildSchema>;

export const fromChildSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ready"), apiUrl: z.string(), hubUrl: z.string(), token: z.string() }),
  z.object({ kind: z.literal("result"), id: z.number(), result: z.unknown() }),
  z.object({ kind: z.literal("failed"), id: z.number(), error: z.string() }),
]);
export type FromChild = z.infer<typeof fromChildSchema>;

/** Requests Discord would reject, one line each, and the fakes process's peak RSS so far. */
const afterRequestSchema = z.object({ violations: z.array(z.string()), peakRssMB: z.number() });

export const trendsResultSchema = afterRequestSchema.extend({
  /** Per interaction, in dispatch order; times are the fake Discord's clock (ms). */
  answers: z.array(
    z.object({
      dispatchedAt: z.number(),
      acknowledgedAt: z.number(),
      finalAt: z.number(),
      chart: z.boolean(),
      refusedByCooldown: z.boolean(),
    }),
  ),
  /** Requests the fake Hub received between the first dispatch and the last final answer. */
  hubRequests: z.number(),
});
export type TrendsResult = z.infer<typeof trendsResultSchema>;

export const autocompleteResultSchema = afterRequestSchema.extend({
  /** Dispatch to choices, ms, per autocomplete. */
  durations: z.array(z.number()),
});
export type AutocompleteResult = z.infer<typeof autocompleteResultSchema>;

/** The bench's user number `i` as Discord sends a user (ids that no test fixture uses). */
export function benchUser(i: number): { id: string; username: string } {
  return { id: `1190000000000${String(10_000 + i).padStart(6, "0")}`, username: `user${i}` };
}
