'use strict';
// Subscriber black- and whitelisting by session id: exclude, eligible, and both combined (AND).

const { scenario, equal, Inbox, uniqueUri } = require('../lib/harness');
const { connect } = require('../lib/autobahn-client');

scenario('autobahn pub/sub eligible/exclude', async (options, cleanup) => {
  const topic = `${uniqueUri('black_white')}.news`;
  const publisher = await connect(options, 'publisher', cleanup);
  const a = await connect(options, 'subscriber A', cleanup);
  const b = await connect(options, 'subscriber B', cleanup);
  const c = await connect(options, 'subscriber C', cleanup);

  const inboxes = {};
  for (const [name, session] of [['A', a], ['B', b], ['C', c]]) {
    inboxes[name] = new Inbox(`events of ${name}`);
    await session.subscribe(topic, (args) => inboxes[name].push(args[0]));
  }

  const publish = (label, extra) => publisher.publish(topic, [label], {}, { acknowledge: true, ...extra });
  await publish('exclude B', { exclude: [b.id] });
  await publish('eligible B', { eligible: [b.id] });
  await publish('eligible A+B, exclude A', { eligible: [a.id, b.id], exclude: [a.id] });
  await publish('eligible nobody', { eligible: [] });
  await publish('end', {});

  // Per-publisher ordering makes each sequence exact: a missing or extra event shows up in place.
  const expected = {
    A: ['exclude B', 'end'],
    B: ['eligible B', 'eligible A+B, exclude A', 'end'],
    C: ['exclude B', 'end'],
  };
  for (const [name, labels] of Object.entries(expected)) {
    const received = [];
    while (received[received.length - 1] !== 'end') {
      received.push(await inboxes[name].next());
    }
    equal(`subscriber ${name} receives exactly ${labels.join(' / ')}`, received, labels);
  }
});
