// Unit checks of the test suite's own TOTP implementation against RFC 6238 Appendix B.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, base32Encode, totp, totpAtStep, timeStep } from './totp.mjs';

const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'));

test('base32 round trip of the RFC 6238 SHA-1 secret', () => {
  assert.equal(RFC_SECRET, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  assert.equal(base32Decode(RFC_SECRET).toString('ascii'), '12345678901234567890');
  // Spaces and lower case, as a page may show the secret, decode the same.
  assert.equal(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq').toString('ascii'), '12345678901234567890');
});

test('RFC 6238 vector T=59 gives 287082 (6 digits)', () => {
  assert.equal(totp(RFC_SECRET, { unixSeconds: 59 }), '287082');
});

test('RFC 6238 SHA-1 vectors (8 digits)', () => {
  const vectors = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  for (const [t, code] of vectors) {
    assert.equal(totp(RFC_SECRET, { unixSeconds: t, digits: 8 }), code, `T=${t}`);
    assert.equal(totpAtStep(RFC_SECRET, timeStep(t), 8), code, `T=${t} by step`);
  }
});
