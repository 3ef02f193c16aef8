'use strict';
// wampy call canceling and call timeout. Unlike autobahn, wampy keeps a canceled call pending, so the
// router's wamp.error.canceled reaches it as an ordinary CallError. The wampy callee announces no
// call_canceling (and would hard-close on an INTERRUPT), so the router must treat every cancel as
// skip and simply drop the callee's late YIELD.

const { scenario, check, equal, rejects, Inbox, uniqueUri } = require('../lib/harness');
const { connect } = require('../lib/wampy-client');

scenario('wampy RPC cancel and timeout', async (options, cleanup) => {
  const base = uniqueUri('wampy_cancel');
  const callee = await connect(options, 'callee', cleanup);
  const caller = await connect(options, 'caller', cleanup);

  const invocations = new Inbox('invocations of slow');
  await callee.register(`${base}.slow`, ({ argsList }) =>
    new Promise((release) => invocations.push({ label: argsList[0], release })));
  await callee.register(`${base}.ping`, () => ({ argsList: ['pong'] }));
  const ping = async () => (await caller.call(`${base}.ping`)).argsList[0];

  for (const mode of ['skip', 'killnowait', 'kill']) {
    const pending = caller.call(`${base}.slow`, [mode]);
    const request = caller.getOpStatus().reqId;
    const invocation = await invocations.next();
    equal(`[${mode}] the callee got the invocation`, invocation.label, mode);
    caller.cancel(request, { mode });
    const error = await rejects(`[${mode}] the canceled call`, pending);
    equal(`[${mode}] the caller gets wamp.error.canceled`, error.errorUri, 'wamp.error.canceled');
    invocation.release({ argsList: ['too late'] });
    equal(`[${mode}] after its late YIELD the callee still answers`, await ping(), 'pong');
  }

  const started = Date.now();
  const slow = caller.call(`${base}.slow`, ['timeout'], { timeout: 300 });
  const invocation = await invocations.next();
  const timedOut = await rejects('a call that outlives its timeout', slow);
  const elapsed = Date.now() - started;
  equal('fails with wamp.error.timeout', timedOut.errorUri, 'wamp.error.timeout');
  check(`after about the timeout (${elapsed} ms)`, elapsed >= 250 && elapsed < 5000, `${elapsed} ms`);
  invocation.release({ argsList: ['too late'] });
  equal('the callee still answers afterwards', await ping(), 'pong');
});
