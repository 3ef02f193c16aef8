'use strict';
// Application errors: a callee that throws autobahn.Error(uri, args, kwargs) reaches the caller
// with the same URI and payload; an unexpected exception becomes wamp.error.runtime_error.

const { scenario, check, equal, rejects, uniqueUri } = require('../lib/harness');
const { autobahn, connect } = require('../lib/autobahn-client');

scenario('autobahn RPC application errors', async (options, cleanup) => {
  const base = uniqueUri('rpc_error');
  const callee = await connect(options, 'callee', cleanup);
  const caller = await connect(options, 'caller', cleanup);

  await callee.register(`${base}.withdraw`, (args) => {
    throw new autobahn.Error('com.example.error.insufficient_funds', [args[0], 'balance too low'], { balance: 10, requested: args[0] });
  });
  await callee.register(`${base}.crash`, () => {
    throw new TypeError('boom');
  });
  await callee.register(`${base}.async_fail`, async () => {
    throw new autobahn.Error('com.example.error.later');
  });

  const error = await rejects('a call whose callee throws', caller.call(`${base}.withdraw`, [100]));
  check('the caller gets an autobahn.Error', error instanceof autobahn.Error, `got ${error}`);
  equal('with the callee\'s error URI', error.error, 'com.example.error.insufficient_funds');
  equal('with the callee\'s args', error.args, [100, 'balance too low']);
  equal('with the callee\'s kwargs', error.kwargs, { balance: 10, requested: 100 });

  const rejected = await rejects('a call whose async callee rejects', caller.call(`${base}.async_fail`));
  equal('a rejected promise with no payload keeps its URI', [rejected.error, rejected.args, rejected.kwargs],
    ['com.example.error.later', [], {}]);

  const crash = await rejects('a call whose callee crashes', caller.call(`${base}.crash`));
  equal('an unexpected exception arrives as wamp.error.runtime_error', crash.error, 'wamp.error.runtime_error');

  equal('both sessions still work afterwards', await caller.call('wamp.session.get', [callee.id]).then((d) => d.session), callee.id);
});
