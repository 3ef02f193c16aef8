'use strict';
// Event retention: PUBLISH retain:true keeps the latest event per topic; a SUBSCRIBE with
// get_retained:true receives it at once (marked retained), a plain SUBSCRIBE does not.

const { scenario, check, equal, Inbox, uniqueUri } = require('../lib/harness');
const { connect } = require('../lib/autobahn-client');

scenario('autobahn pub/sub retained events', async (options, cleanup) => {
  const topic = `${uniqueUri('retained')}.state`;
  const publisher = await connect(options, 'publisher', cleanup);
  await publisher.publish(topic, ['v1'], { n: 1 }, { acknowledge: true, retain: true });
  await publisher.publish(topic, ['v2'], { n: 2 }, { acknowledge: true, retain: true });
  await publisher.publish(topic, ['not retained'], {}, { acknowledge: true });

  const late = await connect(options, 'late subscriber', cleanup);
  const withRetained = new Inbox('get_retained events');
  const plain = new Inbox('plain events');
  await late.subscribe(topic, (args, kwargs, details) => withRetained.push({ args, kwargs, retained: details.retained }),
    { get_retained: true });
  const other = await connect(options, 'plain subscriber', cleanup);
  await other.subscribe(topic, (args, kwargs, details) => plain.push({ args, retained: details.retained }));

  const first = await withRetained.next();
  equal('get_retained delivers the latest retained event', first.args, ['v2']);
  equal('with its kwargs', first.kwargs, { n: 2 });
  check('marked retained:true', first.retained === true, `retained = ${first.retained}`);

  await publisher.publish(topic, ['live'], {}, { acknowledge: true });
  const next = await withRetained.next();
  equal('then live events follow', next.args, ['live']);
  check('live events are not marked retained', next.retained === false, `retained = ${next.retained}`);
  equal('a subscriber without get_retained sees only the live event', (await plain.next()).args, ['live']);
});
