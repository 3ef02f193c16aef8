'use strict';
// Prefix and wildcard subscriptions: each matching subscription gets its own EVENT, and
// details.topic carries the concrete topic (autobahn exposes it as event.topic).

const { scenario, check, equal, Inbox, uniqueUri } = require('../lib/harness');
const { connect } = require('../lib/autobahn-client');

scenario('autobahn pub/sub prefix and wildcard', async (options, cleanup) => {
  const base = uniqueUri('patterns');
  const publisher = await connect(options, 'publisher', cleanup);
  const subscriber = await connect(options, 'subscriber', cleanup);

  const events = new Inbox('pattern events');
  const record = (kind) => (args, kwargs, details) =>
    events.push({ kind, label: args[0], topic: details.topic, publication: details.publication });
  const prefix = await subscriber.subscribe(`${base}.sensors`, record('prefix'), { match: 'prefix' });
  await subscriber.subscribe(`${base}..temp`, record('wildcard'), { match: 'wildcard' });
  await subscriber.subscribe(`${base}.end`, record('exact'));

  const publish = (suffix) => publisher.publish(`${base}.${suffix}`, [suffix], {}, { acknowledge: true });
  await publish('sensors.kitchen'); // prefix only
  await publish('kitchen.temp'); // wildcard only
  await publish('sensorsX'); // prefix is a plain string prefix
  await publish('a.b.temp'); // no match: a wildcard needs the same number of components
  await publish('sensors.temp'); // both
  await publish('end');

  const received = [];
  for (let event = await events.next(); event.label !== 'end'; event = await events.next()) {
    received.push(event);
  }

  const one = (label, kind) => {
    const matches = received.filter((e) => e.label === label && e.kind === kind);
    check(`${label} reaches the ${kind} subscription once`, matches.length === 1, `got ${matches.length}`);
    equal(`${label} via ${kind}: details.topic is the concrete topic`, matches[0].topic, `${base}.${label}`);
    return matches[0];
  };
  one('sensors.kitchen', 'prefix');
  one('kitchen.temp', 'wildcard');
  one('sensorsX', 'prefix');
  const viaPrefix = one('sensors.temp', 'prefix');
  const viaWildcard = one('sensors.temp', 'wildcard');
  equal('both copies of sensors.temp carry the same publication id', viaPrefix.publication, viaWildcard.publication);
  equal('a.b.temp matches nothing, and nothing else arrived', received.length, 5);

  await prefix.unsubscribe();
  await publish('sensors.kitchen');
  await publish('end');
  equal('after unsubscribing the prefix pattern, its topics no longer arrive', (await events.next()).label, 'end');
});
