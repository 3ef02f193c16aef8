'use strict';
// Publisher exclusion: by default the publisher does not get its own event; exclude_me:false does.
// Also publisher identification: disclose_me:true shows the publisher's session id in the EVENT.

const { scenario, check, equal, Inbox, uniqueUri } = require('../lib/harness');
const { connect } = require('../lib/autobahn-client');

scenario('autobahn pub/sub exclude_me', async (options, cleanup) => {
  const topic = `${uniqueUri('exclude_me')}.news`;
  const publisher = await connect(options, 'publisher', cleanup);
  const subscriber = await connect(options, 'subscriber', cleanup);

  const own = new Inbox('publisher events');
  const other = new Inbox('subscriber events');
  await publisher.subscribe(topic, (args) => own.push(args[0]));
  await subscriber.subscribe(topic, (args, kwargs, details) => other.push(args[0] === 'disclosed' ? details.publisher : args[0]));
  check('both sessions subscribed', true);

  await publisher.publish(topic, ['default'], {}, { acknowledge: true });
  await publisher.publish(topic, ['included'], {}, { acknowledge: true, exclude_me: false });

  equal('subscriber gets the default publication', await other.next(), 'default');
  equal('subscriber gets the exclude_me:false publication', await other.next(), 'included');
  // Events of one publisher arrive in publish order, so seeing "included" first proves "default" was withheld.
  equal('publisher gets only its exclude_me:false publication', await own.next(), 'included');

  await publisher.publish(topic, ['disclosed'], {}, { acknowledge: true, disclose_me: true });
  equal('disclose_me:true reveals the publisher\'s session id', await other.next(), publisher.id);
});
