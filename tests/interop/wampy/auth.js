'use strict';
// wampy's authentication against the secured realm of AuthRouterFixture: ticket through its
// onChallenge callback; WAMP-CRA (plain and salted) and cryptosign through the helpers wampy ships
// (wampy/wampcra.js, wampy/cryptosign.js). WELCOME names the principal; a wrong ticket, secret,
// password or key ends in ABORT wamp.error.authentication_failed; an anonymous client gets
// wamp.error.no_matching_auth_method. Then the ticket principal's role (nothing allowed under
// com.livestack.interop.restricted.) is refused each action with wamp.error.not_authorized.

const { scenario, equal, rejects, uniqueUri, credentials } = require('../lib/harness');
const { connect, refused } = require('../lib/wampy-client');
const { randomBytes } = require('node:crypto');
const { sign: cryptosignSigner } = require('wampy/cryptosign.js');

const FAILED = 'wamp.error.authentication_failed';

scenario('wampy authentication', async (options, cleanup) => {
  // Quirk: wampy 8.0.2 maps require('wampy/wampcra.js') to an ES module with top-level await, which
  // require() cannot load; import() picks the ESM build.
  const { sign: craSigner } = await import('wampy/wampcra.js');
  const ticket = credentials(options, 'ticket');
  const cra = credentials(options, 'wampcra');
  const salted = credentials(options, 'salted');
  const cryptosign = credentials(options, 'cryptosign');

  // wampy sends authmethods only together with an authid and an onChallenge (it refuses to connect otherwise).
  const logins = {
    ticket: (authid, secret) => ({ authid, authmethods: ['ticket'], onChallenge: () => secret }),
    wampcra: (authid, secret) => ({ authid, authmethods: ['wampcra'], onChallenge: craSigner(secret) }),
    cryptosign: (authid, pubkey, seed) => ({ authid, authmethods: ['cryptosign'], authextra: { pubkey }, onChallenge: cryptosignSigner(seed) }),
  };
  const joins = [
    ['ticket', ticket, logins.ticket(ticket.authid, ticket.ticket), 'ticket'],
    ['wampcra', cra, logins.wampcra(cra.authid, cra.secret), 'wampcra'],
    ['salted wampcra', salted, logins.wampcra(salted.authid, salted.secret), 'wampcra'],
    ['cryptosign', cryptosign, logins.cryptosign(cryptosign.authid, cryptosign.pubkey, cryptosign.seed), 'cryptosign'],
  ];
  for (const [label, principal, login, method] of joins) {
    const client = await connect(options, `${label} client`, cleanup, login);
    const { authid, authrole, authmethod } = client.welcome;
    equal(`${label}: WELCOME carries authid, authrole and authmethod`, [authid, authrole, authmethod], [principal.authid, principal.authrole, method]);
    await client.leave();
  }

  const otherSeed = randomBytes(32).toString('hex');
  const failures = [
    ['a wrong ticket', logins.ticket(ticket.authid, `${ticket.ticket}-wrong`)],
    ['a wrong WAMP-CRA secret', logins.wampcra(cra.authid, `${cra.secret}-wrong`)],
    ['a wrong salted password', logins.wampcra(salted.authid, `${salted.secret}-wrong`)],
    ['a signature by another key than the announced one', logins.cryptosign(cryptosign.authid, cryptosign.pubkey, otherSeed)],
    ['an unknown authid', logins.ticket(`${ticket.authid}-unknown`, ticket.ticket)],
  ];
  for (const [label, login] of failures) {
    equal(`${label} is refused with authentication_failed`, await refused(options, label, login), FAILED);
  }
  equal('an anonymous client is refused with no_matching_auth_method', await refused(options, 'anonymous', {}),
    'wamp.error.no_matching_auth_method');

  const user = await connect(options, 'user', cleanup, logins.ticket(ticket.authid, ticket.ticket));
  const restricted = uniqueUri('restricted');
  const denied = [
    ['REGISTER', () => user.register(`${restricted}.proc`, () => ({}))],
    ['CALL', () => user.call(`${restricted}.proc`)],
    ['SUBSCRIBE', () => user.subscribe(`${restricted}.news`, () => {})],
    // wampy asks for acknowledge on every PUBLISH, so a denied one is always answered.
    ['PUBLISH', () => user.publish(`${restricted}.news`, 'x')],
  ];
  for (const [action, attempt] of denied) {
    const error = await rejects(`${action} under restricted.`, attempt());
    equal(`${action} is not authorized`, error.errorUri, 'wamp.error.not_authorized');
  }
  const open = uniqueUri('wampy_auth');
  await user.register(`${open}.echo`, ({ argsList }) => ({ argsList }));
  equal('where the role allows it, the same session registers and calls', (await user.call(`${open}.echo`, [7])).argsList, [7]);
});
