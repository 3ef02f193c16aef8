'use strict';
// WAMP-CRA without salt: CHALLENGE extra.challenge is a JSON string naming the principal and this
// session; autobahn.auth_cra.sign(secret, challenge) answers it. A wrong secret and an unknown
// authid both end in ABORT wamp.error.authentication_failed.

const { scenario, check, equal, credentials } = require('../lib/harness');
const { connect, refused } = require('../lib/autobahn-client');
const auth = require('../lib/autobahn-auth');

scenario('autobahn WAMP-CRA authentication', async (options, cleanup) => {
  const principal = credentials(options, 'wampcra');

  const login = auth.wampcra(principal.authid, principal.secret);
  const session = await connect(options, 'wampcra user', cleanup, login);
  equal('one CHALLENGE for wampcra', login.challenges.map((c) => c.method), ['wampcra']);
  const { extra } = login.challenges[0];
  check('without salt', extra.salt === undefined, `salt = ${extra.salt}`);
  const challenge = JSON.parse(extra.challenge);
  equal('the challenge string names the principal, method and session',
    [challenge.authid, challenge.authrole, challenge.authmethod, challenge.session],
    [principal.authid, principal.authrole, 'wampcra', session.id]);
  check('with a nonce and an ISO 8601 UTC timestamp',
    typeof challenge.nonce === 'string' && challenge.nonce.length > 0 && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(challenge.timestamp),
    `nonce = ${challenge.nonce}, timestamp = ${challenge.timestamp}`);
  const { authid, authrole, authmethod } = session.welcome;
  equal('WELCOME carries authid, authrole and authmethod', [authid, authrole, authmethod],
    [principal.authid, principal.authrole, 'wampcra']);

  const wrong = await refused(options, 'wrong secret', auth.wampcra(principal.authid, `${principal.secret}-wrong`));
  equal('a wrong secret is refused with authentication_failed', wrong.reason, 'wamp.error.authentication_failed');

  const unknownLogin = auth.wampcra(`${principal.authid}-unknown`, principal.secret);
  const unknown = await refused(options, 'unknown authid', unknownLogin);
  equal('an unknown authid still gets a challenge (accounts cannot be probed)', unknownLogin.challenges.map((c) => c.method), ['wampcra']);
  equal('and is refused the same way', unknown.reason, 'wamp.error.authentication_failed');

  await session.disconnect();
});
