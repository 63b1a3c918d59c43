import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";

/** The application's Ed25519 key pair, as Discord holds it to sign what it POSTs to an endpoint. */
export interface InteractionSigner {
  /** The public key as the developer portal shows it (64 hex characters). */
  readonly publicKeyHex: string;
  /** The headers Discord sends with `body` at `timestampSeconds` (now by default). */
  headers(
    body: string,
    timestampSeconds?: number,
  ): { "x-signature-ed25519": string; "x-signature-timestamp": string };
}

export function createInteractionSigner(): InteractionSigner {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return {
    publicKeyHex: rawPublicKey(publicKey).toString("hex"),
    headers(body, timestampSeconds = Math.floor(Date.now() / 1000)) {
      const timestamp = String(timestampSeconds);
      const signature = sign(null, Buffer.from(timestamp + body, "utf8"), privateKey as KeyObject);
      return { "x-signature-ed25519": signature.toString("hex"), "x-signature-timestamp": timestamp };
    },
  };
}

/** The 32 raw bytes of an Ed25519 public key: its SPKI encoding after the 12-byte header. */
function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: "der", type: "spki" }).subarray(12);
}
