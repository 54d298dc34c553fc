import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();
const uint32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
};
const b64 = (data: Uint8Array | string) => isoBase64URL.fromBuffer(new Uint8Array(typeof data === "string" ? Buffer.from(data, "utf8") : data));

/**
 * A passkey authenticator in plain Node (ES256, "none" attestation, user verified), for the
 * integration tests of the server side: it answers challenges the way a browser passes on an
 * authenticator's answer. The end-to-end tests use Chromium's virtual authenticator instead.
 */
export class SoftwareAuthenticator {
  private readonly credentialId = randomBytes(32);
  private readonly keys = generateKeyPairSync("ec", { namedCurve: "P-256" });
  private counter = 0;

  constructor(private readonly origin: string) {}

  get id(): string {
    return isoBase64URL.fromBuffer(this.credentialId);
  }

  private get rpIdHash(): Buffer {
    return sha256(new URL(this.origin).hostname);
  }

  register(challenge: string): RegistrationResponseJSON {
    const jwk = this.keys.publicKey.export({ format: "jwk" });
    const publicKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, isoBase64URL.toBuffer(jwk.x!)],
        [-3, isoBase64URL.toBuffer(jwk.y!)],
      ]),
    );
    const length = Buffer.alloc(2);
    length.writeUInt16BE(this.credentialId.length);
    // Flags: user present (0x01), user verified (0x04), attested credential data (0x40).
    const authData = Buffer.concat([this.rpIdHash, Buffer.from([0x45]), uint32(this.counter), Buffer.alloc(16), length, this.credentialId, Buffer.from(publicKey)]);
    const fields: [string, string | Uint8Array | Map<string, string>][] = [
      ["fmt", "none"],
      ["attStmt", new Map<string, string>()],
      ["authData", new Uint8Array(authData)],
    ];
    const attestationObject = isoCBOR.encode(new Map(fields));
    const clientDataJSON = JSON.stringify({ type: "webauthn.create", challenge, origin: this.origin, crossOrigin: false });
    return { id: this.id, rawId: this.id, type: "public-key", response: { clientDataJSON: b64(clientDataJSON), attestationObject: b64(attestationObject), transports: ["internal"] }, clientExtensionResults: {} };
  }

  authenticate(challenge: string, options: { userVerified?: boolean } = {}): AuthenticationResponseJSON {
    this.counter += 1;
    const authData = Buffer.concat([this.rpIdHash, Buffer.from([options.userVerified === false ? 0x01 : 0x05]), uint32(this.counter)]);
    const clientDataJSON = Buffer.from(JSON.stringify({ type: "webauthn.get", challenge, origin: this.origin, crossOrigin: false }), "utf8");
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), this.keys.privateKey);
    return { id: this.id, rawId: this.id, type: "public-key", response: { clientDataJSON: b64(clientDataJSON), authenticatorData: b64(authData), signature: b64(signature) }, clientExtensionResults: {} };
  }
}
