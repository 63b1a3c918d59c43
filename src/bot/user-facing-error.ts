import { type ArgsOf, DEFAULT_LOCALE, type Message, type MessageKey, translate } from "../locales/index.js";

/**
 * An expected failure written for the person who ran the command (unknown region, missing
 * permission, cooldown): a catalogue key and its parameters, so that it is written in the reader's
 * language when it is shown. The router shows it, ephemerally; any other error is logged with
 * context and the user gets a short apology with an error id.
 */
export class UserFacingError<K extends MessageKey = MessageKey> extends Error {
  override readonly name = "UserFacingError";
  /** The catalogue key, also the tag logs count outcomes by (`region.unknown`, `guard.cooldown`, …). */
  readonly code: K;
  /** What the reader is told, in whichever locale they read. */
  readonly text: Message;

  constructor(key: K, ...args: ArgsOf<K>) {
    // The default locale's text as the message, for logs and stack traces.
    super(translate(DEFAULT_LOCALE, key, ...args));
    this.code = key;
    this.text = { key, args } as Message;
  }
}
