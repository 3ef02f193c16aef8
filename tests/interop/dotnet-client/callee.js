'use strict';
// autobahn-js as the callee of a .NET caller (LiveStack.Client WampSession). The script registers
// under LIVESTACK_DOTNET_BASE, prints "ok - callee registered …" for the test to wait for, and serves
// until the .NET side calls `finish`:
//   add, echo (args and kwargs back), withdraw (autobahn.Error with URI, args, kwargs),
//   count (progressive results via details.progress, then an empty final result),
//   slow (never answers until `release`; prints "ok - slow was invoked" so the test can cancel it).
// The canceled call's mode is killnowait; the autobahn callee announces no call_canceling, so the
// router must neither INTERRUPT it nor forward its late YIELD (see ../autobahn/rpc-cancel.js).

const { scenario, check, equal } = require('../lib/harness');
const { autobahn, connect, tap } = require('../lib/autobahn-client');
const { dotnetBase } = require('./base');

const INTERRUPT = 69;

scenario('.NET caller, autobahn callee', async (options, cleanup) => {
  const base = dotnetBase();
  const callee = await connect(options, 'callee', cleanup);
  const wire = tap(callee);

  const slow = [];
  let finished;
  const finishing = new Promise((resolve) => { finished = resolve; });

  await callee.register(`${base}.add`, (args) => args[0] + args[1]);
  await callee.register(`${base}.echo`, (args, kwargs) => new autobahn.Result(args, kwargs));
  await callee.register(`${base}.withdraw`, (args) => {
    throw new autobahn.Error('com.example.error.insufficient_funds', [args[0], 'balance too low'], { balance: 10, requested: args[0] });
  });
  await callee.register(`${base}.count`, (args, kwargs, details) => {
    check(`count was offered progressive results (${args[0]})`, Boolean(details.progress));
    for (let i = 1; i <= args[0]; i++) {
      details.progress([i]);
    }
    return new autobahn.Result([], {});
  });
  await callee.register(`${base}.slow`, (args) => new Promise((release) => {
    slow.push(release);
    check(`slow was invoked (${args[0]})`, true);
  }));
  await callee.register(`${base}.release`, () => {
    slow.forEach((release) => release('too late'));
    return slow.length;
  });
  // Resolved after this call's YIELD has gone out (it is sent on a microtask, before setImmediate).
  await callee.register(`${base}.finish`, () => {
    setImmediate(finished);
    return null;
  });
  check('callee registered add, echo, withdraw, count, slow, release and finish', true);

  await finishing;
  equal('slow was invoked once', slow.length, 1);
  check('the callee never got an INTERRUPT', !wire.received.some((m) => m[0] === INTERRUPT));
  check('the callee stays connected', callee.isOpen);
});
