'use strict';
// autobahn-js calls procedures a .NET callee registered (LiveStack.Client, either a WampSession with
// hand-written handlers or a LiveApp with bound delegates): positional and keyword arguments, an
// application error with URI and payload, a crash, and progressive results via receive_progress.
// The .NET side registers under LIVESTACK_DOTNET_BASE before the script starts.

const { scenario, check, equal, rejects } = require('../lib/harness');
const { autobahn, connect } = require('../lib/autobahn-client');
const { dotnetBase } = require('./base');

scenario('autobahn caller, .NET callee', async (options, cleanup) => {
  const base = dotnetBase();
  const caller = await connect(options, 'caller', cleanup);

  equal('positional arguments reach the .NET handler and its result comes back', await caller.call(`${base}.add`, [2, 3]), 5);
  equal('keyword arguments bind by name', await caller.call(`${base}.greet`, [], { name: 'Ada', times: 2 }), 'hello Ada, hello Ada');
  equal('positional, then keyword arguments', await caller.call(`${base}.greet`, ['Grace'], { times: 1 }), 'hello Grace');
  equal('non-ASCII text round-trips', await caller.call(`${base}.greet`, ['grüße ✓ 🚀'], { times: 1 }), 'hello grüße ✓ 🚀');

  const error = await rejects('a call whose .NET handler throws WampException', caller.call(`${base}.withdraw`, [100]));
  check('the caller gets an autobahn.Error', error instanceof autobahn.Error, `got ${error}`);
  equal('with the handler\'s error URI', error.error, 'com.example.error.insufficient_funds');
  equal('with the handler\'s args', error.args, [100, 'balance too low']);
  equal('with the handler\'s kwargs', error.kwargs, { balance: 10, requested: 100 });

  const crash = await rejects('a call whose .NET handler crashes', caller.call(`${base}.crash`));
  equal('an unexpected exception arrives as wamp.error.runtime_error', crash.error, 'wamp.error.runtime_error');

  const progress = [];
  // autobahn's default (when.js) promise takes a third, progress handler.
  const final = await caller.call(`${base}.count`, [3], {}, { receive_progress: true })
    .then((result) => result, (e) => { throw e; }, (update) => progress.push(update));
  equal('each progressive result arrives, in order', progress, [1, 2, 3]);
  equal('then an empty final result', final, null);
  equal('without receive_progress the parts come as one list', await caller.call(`${base}.count`, [3]), [1, 2, 3]);

  check('the caller stays connected', caller.isOpen);
});
