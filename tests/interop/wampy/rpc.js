'use strict';
// wampy RPC: wampy's payload shapes (a scalar, a list, a dict of kwargs, argsList + argsDict),
// caller disclosure, no_such_procedure, and a meta call that names another session by id.

const { scenario, check, equal, rejects, uniqueUri } = require('../lib/harness');
const { connect } = require('../lib/wampy-client');

scenario('wampy RPC', async (options, cleanup) => {
  const base = uniqueUri('wampy_rpc');
  const callee = await connect(options, 'callee', cleanup);
  const caller = await connect(options, 'caller', cleanup);

  await callee.register(`${base}.echo`, ({ argsList, argsDict, details }) => ({
    argsList: argsList ?? [],
    argsDict: { ...argsDict, caller: details.caller ?? null },
  }));
  await callee.register(`${base}.add`, ({ argsList }) => ({ argsList: [argsList[0] + argsList[1]] }));
  check('callee registered echo and add', true);

  equal('a list payload is positional arguments', (await caller.call(`${base}.add`, [2, 3])).argsList, [5]);
  equal('a scalar payload is one positional argument', (await caller.call(`${base}.echo`, 7)).argsList, [7]);
  const kwargsOnly = await caller.call(`${base}.echo`, { text: 'grüße ✓' });
  equal('a plain object payload is keyword arguments', [kwargsOnly.argsList, kwargsOnly.argsDict], [[], { text: 'grüße ✓', caller: null }]);

  const payload = { nested: { list: [1, 'two', null, true, 1.5] } };
  const both = await caller.call(`${base}.echo`, { argsList: ['a', [1, [2]]], argsDict: payload }, { disclose_me: true });
  equal('argsList and argsDict round-trip', [both.argsList, { ...both.argsDict, caller: undefined }], [['a', [1, [2]]], { ...payload, caller: undefined }]);
  // Ids are compared as numbers: over msgpack wampy (msgpackr) decodes 64-bit integers as BigInt.
  equal('disclose_me reveals the caller to the callee', Number(both.argsDict.caller), Number(caller.getSessionId()));

  const missing = await rejects('calling an unregistered procedure', caller.call(`${base}.missing`));
  equal('an unregistered procedure gives wamp.error.no_such_procedure', missing.errorUri, 'wamp.error.no_such_procedure');

  // A session id taken as a plain JavaScript number: cbor-x and msgpackr encode it as a float.
  const calleeId = Number(callee.getSessionId());
  const details = await caller.call('wamp.session.get', [calleeId]);
  equal('wamp.session.get finds another session by its id', Number(details.argsList[0].session), calleeId);
});
