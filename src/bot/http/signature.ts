import { createPublicKey, type KeyObject, verify } from "node:crypto";

/**
 * Verifies Discord's signature on an interaction POSTed to the Interactions Endpoint URL: an
 * Ed25519 signature (`X-Signature-Ed25519`, hex) over `X-Signature-Timestamp` + the raw body, made
 * with the application's key. node:crypto does it without a library: the raw 32-byte key is
 * wrapped in the DER prefix of an Ed25519 SubjectPublicKeyInfo so that `createPublicKey` reads it.
 */

/** SubjectPublicKeyInfo header of an Ed25519 key (RFC 8410): the raw key follows. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
/** Discord signs every request anew; an older one is a replay (Discord's own libraries allow 5 min too). */
export const MAX_SIGNATURE_AGE_MS = 5 * 60_000;

/** Why a request was refused, for the log (the caller answers 401 whatever it is). */
export type SignatureVerdict = "ok" | "missing" | "malformed" | "bad" | "stale";

export type SignatureVerifier = (
  signatureHex: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
) => SignatureVerdict;

/** A verifier for one application's public key (64 hex characters, as the portal shows it). */
export function createSignatureVerifier(publicKeyHex: string, clock: () => Date): SignatureVerifier {
  const key: KeyObject = createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(publicKeyHex, "hex")]),
    format: "der",
    type: "spki",
  });
  return (signatureHex, timestamp, body) => {
    if (signatureHex === undefined || timestamp === undefined) return "missing";
    // An Ed25519 signature is 64 bytes; Discord's timestamps are Unix seconds.
    if (!/^[0-9a-fA-F]{128}$/.test(signatureHex) || !/^\d{1,12}$/.test(timestamp)) return "malformed";
    const message = Buffer.concat([Buffer.from(timestamp, "utf8"), body]);
    if (!verify(null, message, key, Buffer.from(signatureHex, "hex"))) return "bad";
    // Checked after the signature, so that the timestamp is known to be Discord's.
    const ageMs = clock().getTime() - Number(timestamp) * 1000;
    return Math.abs(ageMs) > MAX_SIGNATURE_AGE_MS ? "stale" : "ok";
  };
}
