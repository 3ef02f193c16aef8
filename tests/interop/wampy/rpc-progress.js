'use strict';
// wampy progressive results: the callee sends YIELDs with options.progress through its
// result_handler (wampy does not announce progressive_call_results as a callee, and the router
// relays them anyway because the caller asked), the caller's progress_callback sees each one in order.

const { scenario, equal, uniqueUri } = require('../lib/harness');
const { connect } = require('../lib/wampy-client');

scenario('wampy RPC progressive results', async (options, cleanup) => {
  const procedure = `${uniqueUri('wampy_progress')}.count`;
  const callee = await connect(options, 'callee', cleanup);
  const caller = await connect(options, 'caller', cleanup);

  await callee.register(procedure, async ({ argsList, result_handler: send }) => {
    for (let i = 1; i <= argsList[0]; i++) {
      send({ options: { progress: true }, argsList: [i], argsDict: { step: i } });
    }
    return { argsList: [`counted to ${argsList[0]}`] };
  });

  const progress = [];
  const final = await caller.call(procedure, [3], {
    progress_callback: ({ argsList, argsDict }) => progress.push([argsList, argsDict]),
  });
  equal('every progressive result arrives, in order', progress,
    [[[1], { step: 1 }], [[2], { step: 2 }], [[3], { step: 3 }]]);
  equal('then the final result', final.argsList, ['counted to 3']);

  const plain = await caller.call(procedure, [2]);
  equal('a caller without progress_callback gets just the final result', plain.argsList, ['counted to 2']);
});
