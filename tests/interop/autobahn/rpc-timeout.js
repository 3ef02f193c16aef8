'use strict';
// Call timeout (CALL option timeout, in milliseconds): the router's own timer fails a call the
// callee does not finish in time with wamp.error.timeout. autobahn callees do not announce
// call_timeout, so the router must not forward the timeout, and must not INTERRUPT them either.

const { scenario, check, equal, rejects, Inbox, uniqueUri } = require('../lib/harness');
const { connect, tap } = require('../lib/autobahn-client');

const INTERRUPT = 69;

scenario('autobahn RPC call timeout', async (options, cleanup) => {
  const base = uniqueUri('rpc_timeout');
  const callee = await connect(options, 'callee', cleanup);
  const caller = await connect(options, 'caller', cleanup);
  const calleeWire = tap(callee);

  const invocations = new Inbox('invocations of slow');
  await callee.register(`${base}.slow`, (args, kwargs, details) =>
    new Promise((release) => invocations.push({ release, timeout: details.timeout })));
  await callee.register(`${base}.fast`, () => 'quick');

  const started = Date.now();
  const pending = caller.call(`${base}.slow`, [], {}, { timeout: 300 });
  const invocation = await invocations.next();
  check('the timeout is not forwarded to a callee that did not announce call_timeout', invocation.timeout === undefined,
    `INVOCATION.Details.timeout = ${invocation.timeout}`);
  const error = await rejects('a call that outlives its timeout', pending);
  const elapsed = Date.now() - started;
  equal('fails with wamp.error.timeout', error.error, 'wamp.error.timeout');
  check(`after about the timeout (${elapsed} ms)`, elapsed >= 250 && elapsed < 5000, `${elapsed} ms`);

  invocation.release('too late'); // dropped by the router
  equal('a call that finishes in time is unaffected by its timeout', await caller.call(`${base}.fast`, [], {}, { timeout: 5000 }), 'quick');
  check('the callee never got an INTERRUPT', !calleeWire.received.some((m) => m[0] === INTERRUPT));
  check('caller and callee stay connected', caller.isOpen && callee.isOpen);
});
