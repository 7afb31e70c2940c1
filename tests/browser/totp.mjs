// RFC 6238 time-based one-time passwords (HMAC-SHA1, 30 s steps, 6 digits by default)
// over RFC 4648 base32 secrets, as an authenticator app computes them.
import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Decodes base32 (case-insensitive; spaces, hyphens and '=' padding are ignored). */
export function base32Decode(text) {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of clean) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new Error(`not a base32 character: ${JSON.stringify(ch)}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** Encodes bytes as base32 without padding. */
export function base32Encode(bytes) {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of Buffer.from(bytes)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** RFC 4226 HOTP for a key (Buffer) and a counter. */
export function hotp(key, counter, digits = 6) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The time step that `unixSeconds` falls in. */
export function timeStep(unixSeconds = Date.now() / 1000, period = 30) {
  return Math.floor(unixSeconds / period);
}

/** The code for a base32 secret at `unixSeconds` (default: now). */
export function totp(secretBase32, { unixSeconds = Date.now() / 1000, period = 30, digits = 6 } = {}) {
  return hotp(base32Decode(secretBase32), timeStep(unixSeconds, period), digits);
}

/** The code for a base32 secret at a given time step. */
export function totpAtStep(secretBase32, step, digits = 6) {
  return hotp(base32Decode(secretBase32), step, digits);
}
