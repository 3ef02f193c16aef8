'use strict';
// Call canceling. The caller cancels a running call with mode skip, killnowait or kill and gets
// wamp.error.canceled from the router. The autobahn callee announces no call_canceling (it has no
// INTERRUPT handler and would drop the connection on one), so the router must treat every mode as
// skip for it: no INTERRUPT, and the callee's late YIELD is dropped.
//
// Quirk: for any mode but kill, autobahn-js 22.11.1 rejects the call locally with "Cancelled" and
// forgets the request, so the router's spec-mandated ERROR looks like a "CALL-ERROR for a non-pending
// request" to it, which it handles as a protocol violation (closing the connection with 3002). The
// script therefore reads that ERROR below autobahn (lib/autobahn-client.js `tap`) and keeps it from autobahn.

const { scenario, check, equal, rejects, Inbox, uniqueUri } = require('../lib/harness');
const { connect, tap } = require('../lib/autobahn-client');

const CALL = 48;
const ERROR = 8;
const RESULT = 50;
const INTERRUPT = 69;

scenario('autobahn RPC cancel', async (options, cleanup) => {
  const base = uniqueUri('rpc_cancel');
  const callee = await connect(options, 'callee', cleanup);
  const caller = await connect(options, 'caller', cleanup);
  const calleeWire = tap(callee);
  const callerWire = tap(caller);

  const invocations = new Inbox('invocations of slow');
  await callee.register(`${base}.slow`, (args) => new Promise((release) => invocations.push({ mode: args[0], release })));
  await callee.register(`${base}.ping`, () => 'pong');

  for (const mode of ['skip', 'killnowait', 'kill']) {
    const pending = caller.call(`${base}.slow`, [mode]);
    const request = callerWire.sent.filter((m) => m[0] === CALL).pop()[1];
    const invocation = await invocations.next();
    equal(`[${mode}] the callee got the invocation`, invocation.mode, mode);

    const isCancelError = (m) => m[0] === ERROR && m[1] === CALL && m[2] === request;
    if (mode !== 'kill') {
      callerWire.hide(isCancelError);
    }
    pending.cancel({ mode });
    const outcome = await rejects(`[${mode}] the canceled call`, pending);
    const fromRouter = await callerWire.waitFor(`[${mode}] the router's ERROR for CALL ${request}`, isCancelError);
    equal(`[${mode}] the router answers the CANCEL with wamp.error.canceled`, fromRouter[4], 'wamp.error.canceled');
    if (mode === 'kill') {
      equal(`[${mode}] and autobahn rejects the call with it`, outcome.error, 'wamp.error.canceled');
    } else {
      equal(`[${mode}] autobahn had already rejected the call locally`, outcome.error, 'Cancelled');
    }

    // The callee answers late; the router must drop that YIELD. The ping after it travels the same
    // way, so if the late RESULT were forwarded the caller would see it first.
    invocation.release('too late');
    equal(`[${mode}] afterwards the same callee still answers`, await caller.call(`${base}.ping`), 'pong');
    check(`[${mode}] the late result never reached the caller`, !callerWire.received.some((m) => m[0] === RESULT && m[1] === request));
  }

  check('the callee never got an INTERRUPT', !calleeWire.received.some((m) => m[0] === INTERRUPT),
    `received ${calleeWire.received.filter((m) => m[0] === INTERRUPT).length}`);

  // Canceling a call that already finished is not an error: the router ignores it.
  const done = caller.call(`${base}.ping`);
  equal('a call completes', await done, 'pong');
  done.cancel({ mode: 'killnowait' });
  equal('canceling it afterwards is ignored', await caller.call(`${base}.ping`), 'pong');
  check('caller and callee stay connected', caller.isOpen && callee.isOpen);
});
