import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // bin/hubtrends.js runs the compiled dist/: compile it (when stale) once, before every file.
    globalSetup: ["test/support/build-once.ts"],
    // Integration tests start loopback servers and render PNGs; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
