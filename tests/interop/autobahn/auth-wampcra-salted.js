'use strict';
// Salted WAMP-CRA: CHALLENGE extra adds salt, iterations and keylen; the client derives its key with
// autobahn.auth_cra.derive_key (PBKDF2-HMAC-SHA256, base64) and signs the challenge with it.
// The unsalted secret (the password itself) and a wrong password are refused.

const { scenario, equal, credentials } = require('../lib/harness');
const { autobahn, connect, refused } = require('../lib/autobahn-client');
const auth = require('../lib/autobahn-auth');

scenario('autobahn salted WAMP-CRA authentication', async (options, cleanup) => {
  const principal = credentials(options, 'salted');

  const login = auth.wampcra(principal.authid, principal.secret);
  const session = await connect(options, 'salted wampcra user', cleanup, login);
  equal('one CHALLENGE for wampcra', login.challenges.map((c) => c.method), ['wampcra']);
  const { extra } = login.challenges[0];
  equal('with the configured salt, iterations and keylen', [extra.salt, extra.iterations, extra.keylen],
    [principal.salt, principal.iterations, principal.keylen]);
  const { authid, authrole, authmethod } = session.welcome;
  equal('WELCOME carries authid, authrole and authmethod', [authid, authrole, authmethod],
    [principal.authid, principal.authrole, 'wampcra']);

  const wrong = await refused(options, 'wrong password', auth.wampcra(principal.authid, `${principal.secret}-wrong`));
  equal('a wrong password is refused with authentication_failed', wrong.reason, 'wamp.error.authentication_failed');

  // A client that ignores the salt signs with the password itself: that must not work either.
  const unsalted = {
    ...auth.wampcra(principal.authid, principal.secret),
    onchallenge: (_session, method, extra) => autobahn.auth_cra.sign(principal.secret, extra.challenge),
  };
  const ignored = await refused(options, 'salt ignored', unsalted);
  equal('signing with the underived password is refused', ignored.reason, 'wamp.error.authentication_failed');

  await session.disconnect();
});
