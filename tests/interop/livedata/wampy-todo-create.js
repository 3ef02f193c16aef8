'use strict';
// The samples/Todo app seen from wampy.js: todo_item.create with the row as kwargs (wampy sends a
// plain object payload as kwargs) answers the row with its generated id, and a wampy subscriber of
// todo_item.created receives it as argsList[0] with argsDict {version}.
// Quirk: over msgpack wampy (msgpackr) may decode integers as BigInt, so ids and versions are compared as numbers.

const { scenario, check, equal, show, Inbox } = require('../lib/harness');
const { connect } = require('../lib/wampy-client');
const { uniqueTitle, nextMatching } = require('./todo');

const plain = (row) => ({ ...row, id: Number(row.id) });

scenario('wampy: todo_item.create and todo_item.created', async (options, cleanup) => {
  const watcher = await connect(options, 'watcher', cleanup);
  const writer = await connect(options, 'writer', cleanup);

  const created = new Inbox('todo_item.created events');
  await watcher.subscribe('todo_item.created', ({ argsList, argsDict }) => created.push({ argsList, argsDict }));
  check('watcher subscribed to todo_item.created', true);

  const title = uniqueTitle('wampy todo');
  const result = await writer.call('todo_item.create', { title });
  const row = plain(result.argsList[0]);
  check(`create answers the row with a generated id: ${show(row)}`, Number.isInteger(row.id) && row.id > 0);
  equal('the row is {id, title, done: false}', row, { id: row.id, title, done: false });

  const event = await nextMatching(created, (e) => e.argsList[0].title === title);
  equal('the created event carries the same row as argsList[0]', plain(event.argsList[0]), row);
  equal('argsDict holds only the version', Object.keys(event.argsDict), ['version']);
  const version = Number(event.argsDict.version);
  check(`the version is a positive integer (${version})`, Number.isInteger(version) && version > 0);

  const listed = await writer.call('todo_item.list', { where: { title }, take: 5 });
  equal('list {where: {title}} finds it', listed.argsList[0].items.map(plain), [row]);
});
