import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { RawData, WebSocket } from "ws";
import { WebSocketServer } from "ws";
import type { BotCredentials } from "./credentials.js";
import { randomToken } from "./ids.js";
import { guildPayload, memberPayload, userPayload } from "./payloads.js";
import type { World } from "./state.js";

/** What the gateway needs from the rest of the fake. */
export interface GatewayConfig {
  world: World;
  credentials: BotCredentials;
  applicationFlags: number;
  heartbeatIntervalMs: number;
  /** `ws://127.0.0.1:PORT/gateway`, also sent as READY's `resume_gateway_url`. */
  url: () => string;
  /** Reports a client mistake (bad identify, unsupported compression...) as a violation. */
  onProblem: (message: string) => void;
}

interface Session {
  id: string;
  ws: WebSocket | undefined;
  seq: number;
  ready: boolean;
  intents: number;
  /** Sent dispatches, replayed on RESUME. */
  history: { s: number; text: string }[];
}

const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Presence: 3,
  Voice: 4,
  Resume: 6,
  Reconnect: 7,
  RequestMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;
const GUILDS_INTENT = 1;
const HISTORY_LIMIT = 1000;

type Payload = { op?: unknown; d?: unknown };
const asObject = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Discord's gateway, v10 JSON without compression, one shard. */
export class Gateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readonly readyListeners = new Set<() => void>();
  /** Number of IDENTIFYs received, for `session_start_limit.remaining`. */
  identifies = 0;
  /** When set, every IDENTIFY is answered by closing with this code (see `refuseIdentify`). */
  private identifyRefusal: { code: number; reason: string } | undefined;

  constructor(private readonly config: GatewayConfig) {}

  /** Takes over an HTTP upgrade on `/gateway`. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname !== "/gateway") {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, url.searchParams));
  }

  /** Why a connection is refused before HELLO, as Discord's close code and reason. */
  private refusal(params: URLSearchParams): { code: number; reason: string } | undefined {
    if (params.get("v") !== "10") return { code: 4012, reason: "Invalid API version" };
    const encoding = params.get("encoding");
    if (encoding !== null && encoding !== "json")
      return { code: 4002, reason: "Error while decoding payload." };
    const compress = params.get("compress");
    if (compress !== null) {
      // discord.js asks for zlib-stream only when zlib-sync is installed; keep it out of the project.
      this.config.onProblem(`gateway: compress=${compress} requested; the fake speaks plain JSON only`);
      return { code: 4000, reason: "compression not supported by the fake" };
    }
    return undefined;
  }

  private accept(ws: WebSocket, params: URLSearchParams): void {
    const refusal = this.refusal(params);
    if (refusal) {
      ws.close(refusal.code, refusal.reason);
      return;
    }
    let session: Session | undefined;
    ws.on("message", (data: RawData) => {
      let payload: Payload;
      try {
        payload = asObject(JSON.parse(data.toString()));
      } catch {
        ws.close(4002, "Error while decoding payload.");
        return;
      }
      session = this.onPayload(ws, session, payload);
    });
    ws.on("close", () => {
      if (session && session.ws === ws) {
        session.ws = undefined;
        session.ready = false;
      }
    });
    ws.send(
      JSON.stringify({
        op: Op.Hello,
        d: { heartbeat_interval: this.config.heartbeatIntervalMs, _trace: ["fake-discord"] },
        s: null,
        t: null,
      }),
    );
  }

  private onPayload(ws: WebSocket, session: Session | undefined, payload: Payload): Session | undefined {
    const d = asObject(payload.d);
    switch (payload.op) {
      case Op.Heartbeat:
        ws.send(JSON.stringify({ op: Op.HeartbeatAck }));
        return session;
      case Op.Identify:
        if (session) {
          ws.close(4005, "Already authenticated.");
          return session;
        }
        return this.identify(ws, d);
      case Op.Resume:
        return this.resume(ws, d);
      case Op.Presence:
      case Op.Voice:
        if (!session) ws.close(4003, "Not authenticated.");
        return session;
      case Op.RequestMembers:
        if (!session) ws.close(4003, "Not authenticated.");
        else this.sendMembers(session, d);
        return session;
      default:
        ws.close(4001, "Unknown opcode.");
        return session;
    }
  }

  private identify(ws: WebSocket, d: Record<string, unknown>): Session | undefined {
    if (this.identifyRefusal) {
      ws.close(this.identifyRefusal.code, this.identifyRefusal.reason);
      return undefined;
    }
    const token = this.config.credentials.check(d.token);
    if (token !== "valid") {
      // A revoked token was valid once: the bot is not wrong to try it, only out of date.
      if (token === "wrong") this.config.onProblem("gateway: IDENTIFY with a wrong token");
      ws.close(4004, "Authentication failed.");
      return undefined;
    }
    if (typeof d.intents !== "number" || !Number.isInteger(d.intents) || d.intents < 0) {
      this.config.onProblem(
        `gateway: IDENTIFY without a valid intents number (${JSON.stringify(d.intents)})`,
      );
      ws.close(4013, "Invalid intent(s).");
      return undefined;
    }
    const shard = d.shard;
    if (shard !== undefined && JSON.stringify(shard) !== "[0,1]") {
      ws.close(4010, "Invalid shard.");
      return undefined;
    }
    this.identifies++;
    const { world } = this.config;
    const session: Session = {
      id: randomToken("", 16),
      ws,
      seq: 0,
      ready: true,
      intents: d.intents,
      history: [],
    };
    this.sessions.set(session.id, session);
    this.sendTo(session, "READY", {
      v: 10,
      user_settings: {},
      user: { ...userPayload(world.bot), verified: true, mfa_enabled: false, email: null },
      guilds: [...world.guilds.keys()].map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      session_type: "normal",
      resume_gateway_url: this.config.url(),
      ...(shard === undefined ? {} : { shard }),
      application: { id: world.applicationId, flags: this.config.applicationFlags },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      auth: {},
      _trace: ["fake-discord"],
    });
    // Without GUILD_CREATE for each guild in READY, discord.js waits waitGuildTimeout (15 s) before clientReady.
    if ((session.intents & GUILDS_INTENT) !== 0) {
      for (const guild of world.guilds.values())
        this.sendTo(session, "GUILD_CREATE", guildPayload(world, guild, true));
    }
    for (const listener of this.readyListeners) listener();
    return session;
  }

  private resume(ws: WebSocket, d: Record<string, unknown>): Session | undefined {
    const session = typeof d.session_id === "string" ? this.sessions.get(d.session_id) : undefined;
    if (this.config.credentials.check(d.token) !== "valid") {
      ws.close(4004, "Authentication failed.");
      return undefined;
    }
    if (!session) {
      ws.send(JSON.stringify({ op: Op.InvalidSession, d: false }));
      return undefined;
    }
    session.ws = ws;
    const from = typeof d.seq === "number" ? d.seq : 0;
    for (const event of session.history) if (event.s > from) ws.send(event.text);
    session.ready = true;
    this.sendTo(session, "RESUMED", {});
    for (const listener of this.readyListeners) listener();
    return session;
  }

  private sendMembers(session: Session, d: Record<string, unknown>): void {
    const { world } = this.config;
    const guild = world.guilds.get(String(d.guild_id));
    if (!guild) return;
    const ids = Array.isArray(d.user_ids) ? d.user_ids.map(String) : undefined;
    const query = typeof d.query === "string" ? d.query.toLowerCase() : "";
    const members = [...guild.members.values()].filter((m) => {
      if (ids) return ids.includes(m.userId);
      return (world.users.get(m.userId)?.username ?? "").toLowerCase().startsWith(query);
    });
    this.sendTo(session, "GUILD_MEMBERS_CHUNK", {
      guild_id: guild.id,
      members: members.map((m) => memberPayload(world, m)),
      chunk_index: 0,
      chunk_count: 1,
      not_found: ids ? ids.filter((id) => !guild.members.has(id)) : [],
      ...(d.nonce === undefined ? {} : { nonce: d.nonce }),
    });
  }

  private sendTo(session: Session, t: string, d: unknown): void {
    session.seq++;
    const text = JSON.stringify({ op: Op.Dispatch, t, s: session.seq, d });
    session.history.push({ s: session.seq, text });
    if (session.history.length > HISTORY_LIMIT) session.history.shift();
    session.ws?.send(text);
  }

  /** Sends a dispatch to every ready session; returns how many received it. */
  dispatch(t: string, d: unknown): number {
    let sent = 0;
    for (const session of this.sessions.values()) {
      if (session.ready && session.ws) {
        this.sendTo(session, t, d);
        sent++;
      }
    }
    return sent;
  }

  /** Sends op 7 RECONNECT to every ready session: discord.js then reconnects and RESUMEs. */
  requestReconnect(): number {
    let asked = 0;
    for (const session of this.sessions.values()) {
      if (!session.ready || !session.ws) continue;
      session.ws.send(JSON.stringify({ op: Op.Reconnect, d: null }));
      session.ready = false;
      asked++;
    }
    return asked;
  }

  /** Resolves once a session is ready to receive dispatches. */
  waitForSession(timeoutMs: number): Promise<void> {
    const ready = (): boolean => [...this.sessions.values()].some((s) => s.ready && s.ws);
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const listener = (): void => {
        if (!ready()) return;
        clearTimeout(timer);
        this.readyListeners.delete(listener);
        resolve();
      };
      const timer = setTimeout(() => {
        this.readyListeners.delete(listener);
        reject(
          new Error(`no gateway session became ready within ${timeoutMs} ms (has the client logged in?)`),
        );
      }, timeoutMs);
      this.readyListeners.add(listener);
    });
  }

  /**
   * Closes every later IDENTIFY with `code`, as Discord does for a bot it will not serve on this
   * connection: 4011 once a bot is in too many guilds for one shard, 4014 for a privileged intent
   * the developer portal has not enabled.
   */
  refuseIdentify(code: number, reason: string): void {
    this.identifyRefusal = { code, reason };
  }

  /**
   * Cuts every connection without a close frame, as a network fault does; sessions stay resumable.
   * discord.js then reconnects and RESUMEs.
   */
  dropConnections(): number {
    let dropped = 0;
    for (const ws of this.wss.clients) {
      ws.terminate();
      dropped++;
    }
    return dropped;
  }

  /** Drops every connection at once: a graceful close code would make discord.js reconnect. */
  close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }
}
