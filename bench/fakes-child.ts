import { APPLICATION_ID, CHANNEL_ID, GUILD_ID, testGuild, testHubRows } from "../test/bot/test-world.js";
import { startFakeDiscord } from "../test/fakes/discord/index.js";
import { startFakeHub } from "../test/fakes/hub/fake-hub.js";
import {
  type AutocompleteResult,
  benchUser,
  type FromChild,
  type ToChild,
  type TrendsInteraction,
  type TrendsResult,
  toChildSchema,
} from "./fakes-protocol.js";

/**
 * The loopback Discord and the fake Hub of the Discord bench, in a process of their own, so that
 * parsing and validating the bot's requests (Zod over every body) does not run on the bot's event
 * loop and count in its latencies. Started by fakes-process.ts with an IPC channel: it sends
 * `ready` with the fakes' addresses, then serves the requests of fakes-protocol.ts. It stops when
 * the channel closes (the bench is done, or died).
 *
 * Usage (by fork only): fakes-child.ts MODEL_COUNT
 */
const sendToParent = process.send?.bind(process);
if (sendToParent === undefined) throw new Error("fakes-child.ts needs an IPC channel: start it with fork()");
const send = (message: FromChild): void => {
  // A reply that lands after the bench hung up has nobody to go to.
  if (process.connected) sendToParent(message);
};

const hub = await startFakeHub(testHubRows({ models: Number(process.argv[2] ?? "400"), now: new Date() }));
const discord = await startFakeDiscord({ guilds: [testGuild()], applicationId: APPLICATION_ID });

function takeViolations(): string[] {
  return discord.takeViolations().map((v) => `${v.method} ${v.path} (${v.code}): ${v.problems.join("; ")}`);
}

const peakRssMB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

async function trends(interactions: TrendsInteraction[]): Promise<TrendsResult> {
  const hubBefore = hub.requests.length;
  const sent = await Promise.all(
    interactions.map(({ user, region }) =>
      discord.dispatchChatInput({
        guildId: GUILD_ID,
        channelId: CHANNEL_ID,
        user: benchUser(user),
        locale: "en-US",
        name: "trends",
        options: region === null ? [] : [{ name: "region", type: 3, value: region }],
      }),
    ),
  );
  const outcomes = await Promise.all(sent.map((s) => s.waitForFinal(120_000)));
  return {
    answers: outcomes.map(({ timings, files, json }) => ({
      dispatchedAt: timings.dispatchedAt,
      acknowledgedAt: timings.acknowledgedAt,
      finalAt: timings.finalAt,
      chart: files.length > 0,
      refusedByCooldown: /^Please wait/.test(String((json as { content?: unknown }).content)),
    })),
    hubRequests: hub.requests.length - hubBefore,
    violations: takeViolations(),
    peakRssMB: peakRssMB(),
  };
}

async function autocomplete(typed: string[]): Promise<AutocompleteResult> {
  const durations: number[] = [];
  for (const value of typed) {
    const sent = await discord.dispatchAutocomplete({
      guildId: GUILD_ID,
      channelId: CHANNEL_ID,
      user: benchUser(0),
      locale: "en-US",
      name: "model",
      options: [{ name: "id", type: 3, value, focused: true }],
    });
    const { timings } = await sent.waitForFinal(5_000);
    durations.push(timings.finalAt - timings.dispatchedAt);
  }
  return { durations, violations: takeViolations(), peakRssMB: peakRssMB() };
}

function serve(request: ToChild): Promise<TrendsResult | AutocompleteResult> {
  switch (request.kind) {
    case "trends":
      return trends(request.interactions);
    case "autocomplete":
      return autocomplete(request.typed);
  }
}

process.on("message", (raw) => {
  const request = toChildSchema.safeParse(raw);
  if (!request.success) {
    // Without an id there is nobody to answer: the parent would wait forever, so stop instead.
    process.stderr.write(`fakes-child: malformed request: ${request.error.message}\n`);
    process.exit(1);
  }
  const { id } = request.data;
  serve(request.data).then(
    (result) => send({ kind: "result", id, result }),
    (error: unknown) =>
      send({
        kind: "failed",
        id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});

process.once("disconnect", () => {
  // Open sockets and the fakes' timers would keep the process alive; exit once they are closed.
  Promise.all([discord.close(), hub.close()]).finally(() => process.exit(0));
});

send({ kind: "ready", apiUrl: discord.apiUrl, hubUrl: hub.url, token: discord.token });
