'use strict';
// Session meta API: a subscriber sees wamp.session.on_join and on_leave for another session;
// wamp.session.count, list and get describe the realm's sessions; wamp.session.kill closes one.

const { scenario, check, equal, rejects, Inbox } = require('../lib/harness');
const { connect } = require('../lib/autobahn-client');

scenario('autobahn session meta API', async (options, cleanup) => {
  const observer = await connect(options, 'observer', cleanup);
  const joins = new Inbox('on_join events');
  const leaves = new Inbox('on_leave events');
  await observer.subscribe('wamp.session.on_join', (args) => joins.push(args[0]));
  await observer.subscribe('wamp.session.on_leave', (args) => leaves.push(args));

  const guest = await connect(options, 'guest', cleanup);
  const guestId = guest.id; // autobahn clears session.id once the session closes
  // Other scenarios' sessions may still be leaving this router, so look for the guest's own event.
  let joined = await joins.next();
  while (joined.session !== guestId) {
    joined = await joins.next();
  }
  check('on_join announces the guest\'s session id', true);
  equal('on_join details carry authid, authrole, authmethod and transport',
    [typeof joined.authid, joined.authrole, joined.authmethod, typeof joined.transport], ['string', 'anonymous', 'anonymous', 'object']);

  // Sessions of an earlier scenario may still be leaving; compare count and list once they agree between two lists.
  let list;
  let count;
  for (let attempt = 0; attempt < 10; attempt++) {
    const before = await observer.call('wamp.session.list');
    count = await observer.call('wamp.session.count');
    list = await observer.call('wamp.session.list');
    if (before.length === list.length) {
      break;
    }
  }
  check('wamp.session.list includes both sessions', list.includes(observer.id) && list.includes(guestId), `list = ${list}`);
  equal('wamp.session.count matches the list', count, list.length);
  const anonymous = await observer.call('wamp.session.count', [['anonymous']]);
  check('wamp.session.count filtered by authrole counts the anonymous sessions', anonymous >= 2, `count = ${anonymous}`);
  equal('wamp.session.count for an unknown authrole is 0', await observer.call('wamp.session.count', [['nobody']]), 0);

  const details = await observer.call('wamp.session.get', [guestId]);
  equal('wamp.session.get describes the session', [details.session, details.authrole, details.authid], [guestId, 'anonymous', joined.authid]);
  const expectedTransport = options.transport === 'rawsocket' ? ['rawsocket', 'json'] : ['websocket', options.serializer];
  equal('including its transport and serializer', [details.transport.type, details.transport.serializer], expectedTransport);

  await guest.disconnect();
  let left = await leaves.next();
  while (left[0] !== guestId) {
    left = await leaves.next();
  }
  equal('on_leave carries session, authid and authrole', left, [guestId, joined.authid, 'anonymous']);

  const listAfter = await observer.call('wamp.session.list');
  check('the guest is gone from wamp.session.list', !listAfter.includes(guestId), `list = ${listAfter}`);
  const missing = await rejects('wamp.session.get of a session that left', observer.call('wamp.session.get', [guestId]));
  equal('gives wamp.error.no_such_session', missing.error, 'wamp.error.no_such_session');

  // wamp.session.kill closes another session with GOODBYE; autobahn sees the reason and message.
  const victim = await connect(options, 'victim', cleanup);
  const closing = victim.expectClose();
  equal('wamp.session.kill returns nothing', await observer.call('wamp.session.kill', [victim.id], { reason: 'com.example.kicked', message: 'bye' }), null);
  const { details: goodbye } = await closing;
  equal('the killed session is told the reason and message', [goodbye.reason, goodbye.message], ['com.example.kicked', 'bye']);
  const self = await rejects('wamp.session.kill of the caller itself', observer.call('wamp.session.kill', [observer.id]));
  equal('a session cannot kill itself (wamp.error.no_such_session)', self.error, 'wamp.error.no_such_session');
});
