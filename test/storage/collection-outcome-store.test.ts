import { describe, expect, it } from "vitest";
import { createCollectionOutcomeStore } from "../../src/services/snapshots/collection-outcome-store.js";
import { onEachDatabase } from "../support/test-databases.js";

onEachDatabase((testDatabase) => {
  describe("the shared collection outcome", () => {
    it("reads nothing before the first attempt, then what the last attempt saved, from another connection", async () => {
      const writer = createCollectionOutcomeStore(await testDatabase.open());
      const reader = createCollectionOutcomeStore(await testDatabase.open());
      expect(await reader.load()).toBeNull();

      const failed = {
        lastAttemptAt: new Date("2026-11-25T04:00:00.000Z"),
        lastSuccessAt: new Date("2026-11-24T22:00:00.000Z"),
        lastError: "Hub answered 500",
        failureKind: "hub-unreachable" as const,
        retryAt: new Date("2026-11-25T04:05:00.000Z"),
      };
      await writer.save(failed);
      expect(await reader.load()).toEqual(failed);

      const recovered = {
        lastAttemptAt: new Date("2026-11-25T04:05:00.000Z"),
        lastSuccessAt: new Date("2026-11-25T04:05:30.000Z"),
        lastError: null,
        failureKind: null,
        retryAt: null,
      };
      await writer.save(recovered);
      expect(await reader.load()).toEqual(recovered);
    });
  });
});
