'use strict';
// Progressive call results: a caller asking receive_progress gets each progress RESULT in order,
// then the final one; a caller that does not ask gets only the final result.

const { scenario, check, equal, uniqueUri } = require('../lib/harness');
const { connect } = require('../lib/autobahn-client');

scenario('autobahn RPC progressive results', async (options, cleanup) => {
  const procedure = `${uniqueUri('rpc_progress')}.count`;
  const callee = await connect(options, 'callee', cleanup);
  const caller = await connect(options, 'caller', cleanup);

  const offered = [];
  await callee.register(procedure, async (args, kwargs, details) => {
    // The router sets receive_progress in INVOCATION only when the caller asked for it.
    offered.push(Boolean(details.progress));
    if (details.progress) {
      for (let i = 1; i <= args[0]; i++) {
        details.progress([i], { step: i });
      }
    }
    return `counted to ${args[0]}`;
  });

  const progress = [];
  // autobahn's default (when.js) promise takes a third, progress handler.
  const final = await caller.call(procedure, [3], {}, { receive_progress: true })
    .then((result) => result, (error) => { throw error; }, (update) => progress.push(update));
  equal('every progressive result arrives, in order', progress.map((p) => [p.args, p.kwargs]),
    [[[1], { step: 1 }], [[2], { step: 2 }], [[3], { step: 3 }]]);
  equal('then the final result', final, 'counted to 3');

  const plain = await caller.call(procedure, [2]);
  equal('a caller without receive_progress gets just the final result', plain, 'counted to 2');
  equal('the callee was offered progress only when the caller asked for it', offered, [true, false]);
  check('caller and callee stay connected', caller.isOpen && callee.isOpen);
});
