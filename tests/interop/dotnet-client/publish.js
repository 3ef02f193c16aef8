'use strict';
// autobahn-js publishes to a topic a .NET LiveApp subscribed to with a bound handler such as
// (string text, int n) => …: positional arguments, keyword arguments only, and both mixed.
// The .NET side asserts what its handler received; the script only checks its publications were acknowledged.

const { scenario, check } = require('../lib/harness');
const { connect } = require('../lib/autobahn-client');
const { dotnetBase } = require('./base');

scenario('autobahn publisher, .NET subscriber', async (options, cleanup) => {
  const topic = `${dotnetBase()}.chat`;
  const publisher = await connect(options, 'publisher', cleanup);
  const publish = async (label, args, kwargs) => {
    const publication = await publisher.publish(topic, args, kwargs, { acknowledge: true });
    check(`published ${label} (publication ${publication.id})`, true);
  };

  await publish('positional arguments', ['hi', 1], {});
  await publish('keyword arguments only', [], { text: 'by name', n: 2 });
  await publish('positional and keyword arguments', ['mixed'], { n: 3 });
  await publish('non-ASCII text', ['grüße ✓ 🚀', 4], {});
});
