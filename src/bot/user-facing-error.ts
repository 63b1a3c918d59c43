/**
 * An expected failure whose message is written for the person who ran the command (unknown
 * region, missing permission, cooldown). The central handler shows it as is, ephemerally; any
 * other error is logged with context and the user gets a short apology with an error id.
 */
export class UserFacingError extends Error {
  override readonly name = "UserFacingError";
  /** A short tag for logs (`unknown-region`, `cooldown`, ...), so outcomes can be counted. */
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}
