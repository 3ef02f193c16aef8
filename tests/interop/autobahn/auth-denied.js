'use strict';
// Who gets no session at all in a realm with roles and no anonymous role: an anonymous HELLO (no
// authmethods, as autobahn sends by default, or an explicit "anonymous"), a method the realm does not
// offer, and ticket or wampcra without an authid. Each ends in ABORT wamp.error.no_matching_auth_method
// before any CHALLENGE.

const { scenario, equal, credentials } = require('../lib/harness');
const { refused } = require('../lib/autobahn-client');
const auth = require('../lib/autobahn-auth');

scenario('autobahn sessions refused without a matching method', async (options) => {
  const principal = credentials(options, 'ticket');
  const cases = [
    ['no authmethods (anonymous)', {}],
    ['authmethods ["anonymous"]', { authmethods: ['anonymous'] }],
    ['a method the router does not offer', { ...auth.ticket(principal.authid, principal.ticket), authmethods: ['scram'] }],
    ['ticket without an authid', auth.ticket(undefined, principal.ticket)],
    ['wampcra without an authid', auth.wampcra(undefined, 'secret')],
  ];
  for (const [label, login] of cases) {
    const { reason } = await refused(options, label, login);
    equal(`${label} is refused with no_matching_auth_method`, reason, 'wamp.error.no_matching_auth_method');
    equal(`${label} got no CHALLENGE`, login.challenges ?? [], []);
  }
});
