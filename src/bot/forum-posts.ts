import type { APIChannel, APIThreadList, REST, RESTPostAPIGuildForumThreadsJSONBody } from "discord.js";
import { Routes } from "discord.js";
import type { AnswerFile } from "./answers.js";

/** Discord's limit on a thread's (a forum post's) name. */
export const THREAD_NAME_MAX = 100;

/** A forum post's name: the text as given, cut to `max` (Discord's 100 characters by default). */
export function threadName(text: string, max = THREAD_NAME_MAX): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Opens a forum post (`POST /channels/{forum}/threads`) whose starter message is `body.message`,
 * with `files` attached as in a channel message. Returns the thread's id, which is also its
 * starter message's. Thread creation takes no nonce: callers keep it to one post with their
 * claim and {@link findForumPost}. Discord's errors are thrown unchanged.
 */
export async function openForumPost(
  rest: REST,
  forumId: string,
  post: { body: RESTPostAPIGuildForumThreadsJSONBody; files?: AnswerFile[]; signal: AbortSignal },
): Promise<string> {
  const thread = (await rest.post(Routes.threads(forumId), {
    body: post.body,
    ...(post.files === undefined ? {} : { files: post.files }),
    signal: post.signal,
  })) as APIChannel;
  return thread.id;
}

/**
 * An earlier forum post after a crash: among the guild's active threads, one in `forumId`
 * opened by the bot with the expected name (an archived one is not listed, and a week-old post
 * is far past any claim's retry). Null when there is none.
 */
export async function findForumPost(
  rest: REST,
  where: { guildId: string; forumId: string; botId: string | undefined; name: string; signal: AbortSignal },
): Promise<string | null> {
  const active = (await rest.get(Routes.guildActiveThreads(where.guildId), {
    signal: where.signal,
  })) as APIThreadList;
  const found = active.threads.find(
    (thread) =>
      "parent_id" in thread &&
      thread.parent_id === where.forumId &&
      "owner_id" in thread &&
      thread.owner_id === where.botId &&
      thread.name === where.name,
  );
  return found?.id ?? null;
}
