'use strict';
// Role-based authorization as autobahn sees it. The realm (see AuthRouterFixture) gives the ticket
// principal's role every action under com.livestack.interop., only call and subscribe under
// com.livestack.interop.readonly. and nothing under com.livestack.interop.restricted.; the wampcra
// principal's role may do everything under com.livestack.interop. A denied REGISTER, CALL, SUBSCRIBE
// or acknowledged PUBLISH gets ERROR wamp.error.not_authorized and the session carries on; an
// unacknowledged one is dropped silently.

const { scenario, equal, rejects, uniqueUri, credentials, Inbox } = require('../lib/harness');
const { connect } = require('../lib/autobahn-client');
const auth = require('../lib/autobahn-auth');

const NOT_AUTHORIZED = 'wamp.error.not_authorized';

scenario('autobahn authorization by role', async (options, cleanup) => {
  const userPrincipal = credentials(options, 'ticket');
  const adminPrincipal = credentials(options, 'wampcra');
  const user = await connect(options, 'user', cleanup, auth.ticket(userPrincipal.authid, userPrincipal.ticket));
  const admin = await connect(options, 'admin', cleanup, auth.wampcra(adminPrincipal.authid, adminPrincipal.secret));
  const restricted = uniqueUri('restricted');
  const readonly = uniqueUri('readonly');
  const open = uniqueUri('auth_open');

  // Everything the user will be refused exists, so a refusal cannot be a missing procedure or topic.
  await admin.register(`${restricted}.echo`, (args) => args[0]);
  await admin.register(`${readonly}.echo`, (args) => args[0]);
  const adminEvents = new Inbox('admin\'s events');
  await admin.subscribe(`${restricted}.news`, (args) => adminEvents.push([`${restricted}.news`, args[0]]));
  await admin.subscribe(`${open}.news`, (args) => adminEvents.push([`${open}.news`, args[0]]));

  const deniedRegister = await rejects('user registers a restricted procedure', user.register(`${restricted}.mine`, () => 0));
  equal('REGISTER is not authorized', deniedRegister.error, NOT_AUTHORIZED);
  const deniedCall = await rejects('user calls a restricted procedure', user.call(`${restricted}.echo`, [1]));
  equal('CALL is not authorized', deniedCall.error, NOT_AUTHORIZED);
  const deniedSubscribe = await rejects('user subscribes to a restricted topic', user.subscribe(`${restricted}.news`, () => {}));
  equal('SUBSCRIBE is not authorized', deniedSubscribe.error, NOT_AUTHORIZED);
  const deniedPublish = await rejects('user publishes to a restricted topic with acknowledge',
    user.publish(`${restricted}.news`, ['acknowledged'], {}, { acknowledge: true }));
  equal('PUBLISH with acknowledge is not authorized', deniedPublish.error, NOT_AUTHORIZED);

  // Events from one publisher arrive in order, so the allowed one coming first proves the other was dropped.
  user.publish(`${restricted}.news`, ['unacknowledged']);
  await user.publish(`${open}.news`, ['allowed'], {}, { acknowledge: true });
  equal('an unacknowledged denied PUBLISH is dropped silently; the next allowed one arrives', await adminEvents.next(),
    [`${open}.news`, 'allowed']);

  equal('the admin role may call the restricted procedure', await admin.call(`${restricted}.echo`, ['admin']), 'admin');
  await admin.publish(`${restricted}.news`, ['from admin'], {}, { acknowledge: true, exclude_me: false });
  equal('and publish to the restricted topic', await adminEvents.next(), [`${restricted}.news`, 'from admin']);

  equal('the user may call a read-only procedure', await user.call(`${readonly}.echo`, ['read']), 'read');
  const userEvents = new Inbox('user\'s events');
  await user.subscribe(`${readonly}.news`, (args) => userEvents.push(args[0]));
  await admin.publish(`${readonly}.news`, ['bulletin'], {}, { acknowledge: true });
  equal('and subscribe to a read-only topic', await userEvents.next(), 'bulletin');
  const readonlyRegister = await rejects('user registers a read-only procedure', user.register(`${readonly}.mine`, () => 0));
  equal('but not register there', readonlyRegister.error, NOT_AUTHORIZED);
  const readonlyPublish = await rejects('user publishes to a read-only topic',
    user.publish(`${readonly}.news`, ['x'], {}, { acknowledge: true }));
  equal('nor publish there', readonlyPublish.error, NOT_AUTHORIZED);

  await user.register(`${open}.double`, (args) => args[0] * 2);
  equal('where the role allows everything, the user registers and the admin calls', await admin.call(`${open}.double`, [21]), 42);

  await user.disconnect();
  await admin.disconnect();
});
