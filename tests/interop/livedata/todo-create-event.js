'use strict';
// The samples/Todo app seen from a plain autobahn-js client: todo_item.create (the new row as kwargs,
// then as args[0]) answers the row with its generated id, and a subscriber of todo_item.created
// receives that row as args[0] with kwargs {version}. Run against the Todo app, not a bare router:
//   dotnet run --project samples/Todo -- --urls http://127.0.0.1:5000
//   node livedata/todo-create-event.js --url ws://127.0.0.1:5000/ws

const { scenario, check, equal, show, Inbox } = require('../lib/harness');
const { connect } = require('../lib/autobahn-client');
const { uniqueTitle, nextMatching } = require('./todo');

scenario('autobahn: todo_item.create and todo_item.created', async (options, cleanup) => {
  const watcher = await connect(options, 'watcher', cleanup);
  const writer = await connect(options, 'writer', cleanup);

  const created = new Inbox('todo_item.created events');
  await watcher.subscribe('todo_item.created', (args, kwargs, details) => created.push({ args, kwargs, details }));
  check('watcher subscribed to todo_item.created', true);

  const title = uniqueTitle('buy milk');
  const row = await writer.call('todo_item.create', [], { title });
  check(`create (kwargs {title}) answers the row with a generated id: ${show(row)}`, Number.isInteger(row.id) && row.id > 0);
  equal('the answered row is {id, title, done: false}', row, { id: row.id, title, done: false });

  const event = await nextMatching(created, (e) => e.args[0].title === title);
  equal('the created event carries the row as args[0], the same as the call answered', event.args, [row]);
  equal('its kwargs hold only the version', Object.keys(event.kwargs), ['version']);
  check(`the version is a positive integer (${event.kwargs.version})`, Number.isInteger(event.kwargs.version) && event.kwargs.version > 0);

  const second = await writer.call('todo_item.create', [{ title: `${title} (args)`, done: true }]);
  equal('create also takes the row as args[0]', second, { id: second.id, title: `${title} (args)`, done: true });
  check('and the database generated a new id', second.id > row.id, `${second.id} after ${row.id}`);
  const secondEvent = await nextMatching(created, (e) => e.args[0].id === second.id);
  equal('its event carries that row', secondEvent.args, [second]);
  check(`versions grow in commit order (${event.kwargs.version} < ${secondEvent.kwargs.version})`, secondEvent.kwargs.version > event.kwargs.version);

  equal('get answers the stored row', await writer.call('todo_item.get', [row.id]), row);
});
