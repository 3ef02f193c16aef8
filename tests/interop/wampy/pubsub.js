'use strict';
// wampy pub/sub: acknowledged publishes (wampy always asks for acknowledge), publisher exclusion,
// exclude/eligible by session id, and prefix subscriptions with details.topic.
//
// Quirks: wampy puts exclude_me into PUBLISH only when it is truthy, so exclude_me:false cannot be
// sent and only the default exclusion is tested here (autobahn covers exclude_me:false). Session ids
// in exclude/eligible come from getSessionId(): over CBOR that is a plain number, which cbor-x encodes
// as a float64 above 2^32; over msgpack msgpackr decodes 64-bit integers to BigInt and sends them back as int64.

const { scenario, check, equal, Inbox, uniqueUri } = require('../lib/harness');
const { connect } = require('../lib/wampy-client');

scenario('wampy pub/sub', async (options, cleanup) => {
  const base = uniqueUri('wampy_pubsub');
  const topic = `${base}.news`;
  const publisher = await connect(options, 'publisher', cleanup);
  const a = await connect(options, 'subscriber A', cleanup);
  const b = await connect(options, 'subscriber B', cleanup);

  const own = new Inbox('publisher events');
  const inboxA = new Inbox('events of A');
  const inboxB = new Inbox('events of B');
  const prefixed = new Inbox('prefix events of A');
  // wampy sends SUBSCRIBE options with match and get_retained set to undefined (over msgpack and
  // cbor they arrive as explicit "undefined" values, which the router must read as absent).
  await publisher.subscribe(topic, ({ argsList }) => own.push(argsList[0]));
  await a.subscribe(topic, ({ argsList }) => inboxA.push(argsList[0]));
  await b.subscribe(topic, ({ argsList }) => inboxB.push(argsList[0]));
  await a.subscribe(`${base}.pre`, ({ argsList, details }) => prefixed.push({ label: argsList[0], topic: details.topic }), { match: 'prefix' });
  check('all subscriptions confirmed', true);

  const ack = await publisher.publish(topic, ['hello']);
  check('an acknowledged publish resolves with a publication id', ['number', 'bigint'].includes(typeof ack.publicationId),
    `got ${typeof ack.publicationId}`);
  await publisher.publish(topic, ['not for B'], { exclude: [b.getSessionId()] });
  await publisher.publish(topic, ['only for B'], { eligible: [b.getSessionId()] });
  await publisher.publish(`${base}.prefixed.topic`, { argsList: ['via prefix'], argsDict: { k: 1 } });
  await publisher.publish(topic, ['end']);

  const drain = async (inbox) => {
    const received = [];
    while (received[received.length - 1] !== 'end') {
      received.push(await inbox.next());
    }
    return received;
  };
  equal('subscriber A receives everything but the eligible-B event', await drain(inboxA), ['hello', 'not for B', 'end']);
  equal('subscriber B receives everything but the exclude-B event', await drain(inboxB), ['hello', 'only for B', 'end']);
  equal('the prefix subscription gets the concrete topic in details.topic', await prefixed.next(),
    { label: 'via prefix', topic: `${base}.prefixed.topic` });
  // The router fans out before it acknowledges, so any event for the publisher would have come before the last ack.
  equal('the publisher never receives its own events (exclude_me defaults to true)', own.items, []);
});
