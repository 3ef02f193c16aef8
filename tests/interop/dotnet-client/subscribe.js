'use strict';
// autobahn-js subscribes to a topic a .NET publisher (LiveStack.Client WampSession) publishes to.
// Prints "ok - subscribed …" for the test to wait for, then expects, in order:
//   ['hello', 42] with kwargs { source: 'dotnet', tags: ['a', 'b'], nested: { ok: true, ratio: 1.5 } },
//   ['clr', 7] (CLR values published with PublishAsync(topic, params object[])),
//   [{ text: 'typed', count: 3 }] (a CLR record, camelCase),
//   ['end'].

const { scenario, check, equal, Inbox } = require('../lib/harness');
const { connect } = require('../lib/autobahn-client');
const { dotnetBase } = require('./base');

scenario('.NET publisher, autobahn subscriber', async (options, cleanup) => {
  const topic = `${dotnetBase()}.news`;
  const subscriber = await connect(options, 'subscriber', cleanup);
  const events = new Inbox('events');
  await subscriber.subscribe(topic, (args, kwargs) => events.push({ args, kwargs }));
  check(`subscribed to ${topic}`, true);

  const first = await events.next(15000);
  equal('positional arguments from .NET', first.args, ['hello', 42]);
  equal('keyword arguments from .NET', first.kwargs, { source: 'dotnet', tags: ['a', 'b'], nested: { ok: true, ratio: 1.5 } });
  equal('CLR values as positional arguments', (await events.next()).args, ['clr', 7]);
  equal('a CLR record as an object', (await events.next()).args, [{ text: 'typed', count: 3 }]);
  const last = await events.next();
  equal('and nothing else in between', last.args, ['end']);
});
