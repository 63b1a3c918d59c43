import { defineConfig } from "vitest/config";

/**
 * Files that start a whole topology of processes (replicas, schedulers, a proxy) and measure
 * Discord's 3-s acknowledgement deadline. Next to the other files they share 2 cores with up to
 * two dozen busy processes and could miss it for reasons of the machine, not of the bot; they run
 * after every other file, on their own.
 */
const ALONE = ["test/topology/**/*.test.ts"];

export default defineConfig({
  test: {
    // bin/hubtrends.js runs the compiled dist/: compile it (when stale) once, before every file.
    globalSetup: ["test/support/build-once.ts"],
    // Integration tests start loopback servers and render PNGs; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: "suite", include: ["test/**/*.test.ts"], exclude: ALONE, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: "alone", include: ALONE, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
