'use strict';
// RPC with positional and keyword arguments and results, nested and non-ASCII payloads passing
// through the router unchanged, caller disclosure, no_such_procedure, and unregistering.

const { scenario, check, equal, rejects, uniqueUri } = require('../lib/harness');
const { autobahn, connect } = require('../lib/autobahn-client');

scenario('autobahn RPC args and kwargs', async (options, cleanup) => {
  const base = uniqueUri('rpc_args');
  const callee = await connect(options, 'callee', cleanup);
  const caller = await connect(options, 'caller', cleanup);

  const add = await callee.register(`${base}.add`, (args) => args[0] + args[1]);
  await callee.register(`${base}.echo`, (args, kwargs, details) =>
    new autobahn.Result(args, { ...kwargs, caller: details.caller === undefined ? null : details.caller }));
  check('callee registered add and echo', true);

  equal('a single positional result', await caller.call(`${base}.add`, [2, 3]), 5);

  const payload = {
    text: 'grüße ✓ 日本 🚀',
    nested: { list: [1, 'two', null, true, 1.5, -7], empty: {} },
    big: 2 ** 53 - 1,
  };
  const echoed = await caller.call(`${base}.echo`, ['a', 42, [1, [2]]], payload, { disclose_me: true });
  check('a multi-value result arrives as autobahn.Result', echoed instanceof autobahn.Result, `got ${echoed}`);
  equal('positional arguments round-trip', echoed.args, ['a', 42, [1, [2]]]);
  equal('keyword arguments round-trip', { ...echoed.kwargs, caller: undefined }, { ...payload, caller: undefined });
  equal('disclose_me reveals the caller to the callee', echoed.kwargs.caller, caller.id);

  const onlyKwargs = await caller.call(`${base}.echo`, null, { k: 'v' });
  equal('a call with kwargs only', onlyKwargs.kwargs, { k: 'v', caller: null });

  const missing = await rejects('calling an unregistered procedure', caller.call(`${base}.missing`, []));
  equal('a procedure nobody registered gives wamp.error.no_such_procedure', missing.error, 'wamp.error.no_such_procedure');

  await add.unregister();
  const gone = await rejects('calling a procedure after UNREGISTER', caller.call(`${base}.add`, [1, 2]));
  equal('an unregistered procedure is gone', gone.error, 'wamp.error.no_such_procedure');
});
