'use strict';
// Ticket authentication: HELLO offers ticket with an authid, the router answers CHALLENGE("ticket"),
// the ticket comes back in AUTHENTICATE and WELCOME names the principal. A wrong ticket and an
// unknown authid both end in ABORT wamp.error.authentication_failed. Offered after anonymous (which a
// realm without an anonymous role refuses), ticket is still used.

const { scenario, check, equal, credentials } = require('../lib/harness');
const { connect, refused } = require('../lib/autobahn-client');
const auth = require('../lib/autobahn-auth');

scenario('autobahn ticket authentication', async (options, cleanup) => {
  const principal = credentials(options, 'ticket');

  const login = auth.ticket(principal.authid, principal.ticket);
  const session = await connect(options, 'ticket holder', cleanup, login);
  equal('one CHALLENGE for ticket, with empty extra', login.challenges, [{ method: 'ticket', extra: {} }]);
  const { authid, authrole, authmethod, authprovider } = session.welcome;
  equal('WELCOME carries authid, authrole and authmethod', [authid, authrole, authmethod],
    [principal.authid, principal.authrole, 'ticket']);
  check('and an authprovider', typeof authprovider === 'string' && authprovider.length > 0, `got ${authprovider}`);

  // The router falls back to the next method the client offers when it cannot use the first.
  const fallback = await connect(options, 'anonymous, then ticket', cleanup,
    { ...auth.ticket(principal.authid, principal.ticket), authmethods: ['anonymous', 'ticket'] });
  equal('offering anonymous first, the session joins with the ticket', [fallback.welcome.authid, fallback.welcome.authmethod],
    [principal.authid, 'ticket']);
  await fallback.disconnect();

  const wrong = await refused(options, 'wrong ticket', auth.ticket(principal.authid, `${principal.ticket}-wrong`));
  equal('a wrong ticket is refused with authentication_failed', wrong.reason, 'wamp.error.authentication_failed');

  const unknown = await refused(options, 'unknown authid', auth.ticket(`${principal.authid}-unknown`, principal.ticket));
  equal('an unknown authid is refused the same way', unknown.reason, 'wamp.error.authentication_failed');

  await session.disconnect();
});
