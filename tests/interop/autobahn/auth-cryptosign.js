'use strict';
// WAMP-Cryptosign: HELLO authextra carries the Ed25519 public key, CHALLENGE carries 32 random bytes
// in hex, autobahn.auth_cryptosign.sign_challenge answers signature ‖ challenge. The key alone may
// identify the principal (no authid). An unknown key, a signature by another key than the announced
// one, and an unknown authid all end in ABORT wamp.error.authentication_failed.

const { scenario, check, equal, credentials } = require('../lib/harness');
const { autobahn, connect, refused } = require('../lib/autobahn-client');
const auth = require('../lib/autobahn-auth');

scenario('autobahn cryptosign authentication', async (options, cleanup) => {
  const principal = credentials(options, 'cryptosign');
  const key = auth.keyPair(principal.seed);
  equal('the seed from the test gives the configured public key', autobahn.auth_cryptosign.public_key(key), principal.pubkey);

  const login = auth.cryptosign(principal.authid, key);
  const session = await connect(options, 'cryptosign user', cleanup, login);
  equal('one CHALLENGE for cryptosign', login.challenges.map((c) => c.method), ['cryptosign']);
  const { extra } = login.challenges[0];
  check('carrying 32 random bytes in hex', /^[0-9a-f]{64}$/i.test(extra.challenge), `challenge = ${extra.challenge}`);
  const { authid, authrole, authmethod } = session.welcome;
  equal('WELCOME carries authid, authrole and authmethod', [authid, authrole, authmethod],
    [principal.authid, principal.authrole, 'cryptosign']);

  const keyOnly = await connect(options, 'cryptosign without authid', cleanup, auth.cryptosign(undefined, key));
  equal('without an authid the public key identifies the principal', [keyOnly.welcome.authid, keyOnly.welcome.authrole],
    [principal.authid, principal.authrole]);

  const stranger = autobahn.nacl.sign.keyPair();
  const unknownKey = await refused(options, 'unknown key', auth.cryptosign(principal.authid, stranger));
  equal('an unknown public key is refused with authentication_failed', unknownKey.reason, 'wamp.error.authentication_failed');

  const forged = await refused(options, 'forged signature', auth.cryptosign(principal.authid, key, stranger));
  equal('the configured public key with a signature by another key is refused', forged.reason, 'wamp.error.authentication_failed');

  const unknownId = await refused(options, 'unknown authid', auth.cryptosign(`${principal.authid}-unknown`, key));
  equal('a known key under an unknown authid is refused', unknownId.reason, 'wamp.error.authentication_failed');

  await keyOnly.disconnect();
  await session.disconnect();
});
