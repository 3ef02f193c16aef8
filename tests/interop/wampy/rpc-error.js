'use strict';
// wampy application errors: a callee that throws { error, argsList, argsDict } reaches the caller
// as a CallError with the same URI and payload; a plain exception becomes wamp.error.invocation_exception.

const { scenario, check, equal, rejects, uniqueUri } = require('../lib/harness');
const { connect } = require('../lib/wampy-client');

/** What a wampy callee throws to send a specific WAMP error (wampy reads these three properties). */
class ApplicationError extends Error {
  constructor(error, argsList, argsDict) {
    super(error);
    this.error = error;
    this.argsList = argsList;
    this.argsDict = argsDict;
  }
}

scenario('wampy RPC application errors', async (options, cleanup) => {
  const base = uniqueUri('wampy_error');
  const callee = await connect(options, 'callee', cleanup);
  const caller = await connect(options, 'caller', cleanup);

  await callee.register(`${base}.withdraw`, ({ argsList }) => {
    throw new ApplicationError('com.example.error.insufficient_funds', [argsList[0], 'balance too low'], { balance: 10 });
  });
  await callee.register(`${base}.crash`, () => {
    throw new TypeError('boom');
  });

  const error = await rejects('a call whose callee throws', caller.call(`${base}.withdraw`, [100]));
  check('the caller gets a CallError', error.name === 'CallError', `got ${error.name}: ${error.message}`);
  equal('with the callee\'s error URI', error.errorUri, 'com.example.error.insufficient_funds');
  equal('with the callee\'s args', error.argsList, [100, 'balance too low']);
  equal('with the callee\'s kwargs', error.argsDict, { balance: 10 });

  const crash = await rejects('a call whose callee crashes', caller.call(`${base}.crash`));
  equal('a plain exception arrives as wamp.error.invocation_exception', crash.errorUri, 'wamp.error.invocation_exception');

  const count = (await caller.call('wamp.session.count')).argsList[0];
  check('the caller still works afterwards', count >= 2, `wamp.session.count = ${count}`);
  equal('and so does the callee', (await callee.call('wamp.session.get', [callee.getSessionId()])).argsList[0].authrole, 'anonymous');
});
