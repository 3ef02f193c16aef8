'use strict';
// Shared registration: two callee sessions register one procedure with invoke:'roundrobin' and
// calls alternate between them; a different policy on the same URI is refused; when one callee
// leaves, the other takes every call.

const { scenario, check, equal, rejects, uniqueUri } = require('../lib/harness');
const { connect } = require('../lib/autobahn-client');

scenario('autobahn RPC shared round-robin registration', async (options, cleanup) => {
  const procedure = `${uniqueUri('rpc_roundrobin')}.who`;
  const first = await connect(options, 'callee one', cleanup);
  const second = await connect(options, 'callee two', cleanup);
  const caller = await connect(options, 'caller', cleanup);

  const one = await first.register(procedure, () => 'one', { invoke: 'roundrobin' });
  const two = await second.register(procedure, () => 'two', { invoke: 'roundrobin' });
  equal('both callees share one registration id', one.id, two.id);

  const answers = [];
  for (let i = 0; i < 6; i++) {
    answers.push(await caller.call(procedure));
  }
  equal('calls alternate in registration order', answers, ['one', 'two', 'one', 'two', 'one', 'two']);

  const refused = await rejects('registering with invoke:single', caller.register(procedure, () => 'three'));
  equal('a different invoke policy gets wamp.error.procedure_already_exists', refused.error, 'wamp.error.procedure_already_exists');

  await first.disconnect();
  const after = [];
  for (let i = 0; i < 3; i++) {
    after.push(await caller.call(procedure));
  }
  equal('after one callee leaves, the other gets every call', after, ['two', 'two', 'two']);
  check('the remaining sessions stay connected', caller.isOpen && second.isOpen);
});
