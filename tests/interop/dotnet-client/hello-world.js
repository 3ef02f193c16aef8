'use strict';
// The samples/HelloWorld app seen from autobahn-js: math.add adds, and a chat.message publication
// reaches its subscriber (the test checks the app printed it).

const { scenario, equal, check } = require('../lib/harness');
const { connect } = require('../lib/autobahn-client');

scenario('autobahn and the .NET hello world', async (options, cleanup) => {
  const session = await connect(options, 'autobahn', cleanup);
  equal('math.add [2, 3] is 5', await session.call('math.add', [2, 3]), 5);
  const publication = await session.publish('chat.message', ['hi'], {}, { acknowledge: true });
  check(`published chat.message ["hi"] (publication ${publication.id})`, true);
});
