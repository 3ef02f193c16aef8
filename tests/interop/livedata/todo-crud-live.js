'use strict';
// The samples/Todo app seen from plain autobahn-js clients, beyond create:
// - update and delete answer the row / the key, and todo_item.updated (kwargs {version, changed})
//   and todo_item.deleted (the row as it was) reach a subscriber;
// - list with where, orderBy (a string, "-field", a list) and take;
// - errors: validation (wamp.error.invalid_argument with kwargs.errors.title), unknown fields, bad
//   queries, livestack.error.not_found; failed writes change nothing and publish nothing;
// - a live query (todo_item.live with receive_progress): a snapshot, then added / changed / removed
//   deltas caused by another session's writes (none for rows outside the query), the same version as
//   the change event, and — when the live query's own caller writes — the delta before its RESULT.

const { scenario, check, equal, rejects, show, Inbox } = require('../lib/harness');
const { connect } = require('../lib/autobahn-client');
const { uniqueTitle, nextMatching, LivePage } = require('./todo');

/** autobahn hands over a lone positional argument as is, else {args, kwargs}. */
function firstArg(result) {
  return result !== null && typeof result === 'object' && Array.isArray(result.args) ? result.args[0] : result;
}

async function expectError(label, promise, uri) {
  const error = await rejects(label, promise);
  equal(`${label}: ${uri}`, error.error, uri);
  check(`${label}: with a message (${show(error.args[0])})`, typeof error.args[0] === 'string' && error.args[0].length > 0);
  return error;
}

scenario('autobahn: todo CRUD events, list, errors and a live query', async (options, cleanup) => {
  const watcher = await connect(options, 'watcher', cleanup);
  const writer = await connect(options, 'writer', cleanup);
  const reader = await connect(options, 'reader', cleanup);

  const events = new Inbox('change events');
  for (const kind of ['created', 'updated', 'deleted']) {
    await watcher.subscribe(`todo_item.${kind}`, (args, kwargs) => events.push({ kind, row: args[0], kwargs }));
  }
  check('watcher subscribed to todo_item.created, .updated and .deleted', true);

  // ---- create, update, delete and their events ----
  const tag = uniqueTitle('crud');
  const ours = (prefix) => (e) => e.row.title.startsWith(prefix);
  const b = await writer.call('todo_item.create', [], { title: `${tag} b` });
  const a = await writer.call('todo_item.create', [], { title: `${tag} a` });
  const c = await writer.call('todo_item.create', [], { title: `${tag} c` });
  const createdEvents = [await nextMatching(events, ours(tag)), await nextMatching(events, ours(tag)), await nextMatching(events, ours(tag))];
  equal('three created events, in commit order', createdEvents.map((e) => [e.kind, e.row]), [['created', b], ['created', a], ['created', c]]);
  let version = createdEvents[2].kwargs.version;

  const bDone = await writer.call('todo_item.update', [b.id, { done: true }]);
  equal('update [id, {done: true}] answers the updated row', bDone, { ...b, done: true });
  let event = await nextMatching(events, ours(tag));
  equal('todo_item.updated carries the row after the change', [event.kind, event.row], ['updated', bDone]);
  equal('and kwargs.changed names the changed field', event.kwargs.changed, ['done']);
  check(`and a later version (${event.kwargs.version} > ${version})`, event.kwargs.version > version);
  version = event.kwargs.version;

  const aRenamed = await writer.call('todo_item.update', [], { id: a.id, title: `${tag} a2` });
  equal('update with kwargs {id, title} answers the updated row', aRenamed, { ...a, title: `${tag} a2` });
  event = await nextMatching(events, ours(tag));
  equal('its event names the title as changed', [event.kind, event.row, event.kwargs.changed], ['updated', aRenamed, ['title']]);

  const where = { title: { startsWith: tag } };
  const byTitle = await writer.call('todo_item.list', [], { where, orderBy: 'title' });
  equal('list {where: {title: {startsWith}}, orderBy: "title"} finds our rows in title order', byTitle.items, [aRenamed, bDone, c]);
  check(`list answers the entity version it reflects (${byTitle.version})`, Number.isInteger(byTitle.version) && byTitle.version >= event.kwargs.version);
  equal('orderBy "-id" with take 2: the two newest', (await writer.call('todo_item.list', [], { where, orderBy: '-id', take: 2 })).items, [c, aRenamed]);
  equal('where {done: true} as well: only the done row', (await writer.call('todo_item.list', [], { where: { ...where, done: true } })).items, [bDone]);
  equal('orderBy ["done desc", "title"]', (await writer.call('todo_item.list', [], { where, orderBy: ['done desc', 'title'] })).items, [bDone, aRenamed, c]);
  equal('where with or / in', (await writer.call('todo_item.list', [], { where: { or: [{ id: { in: [c.id] } }, { title: `${tag} b` }] }, orderBy: 'id' })).items, [bDone, c]);

  equal('delete [id] answers the key', await writer.call('todo_item.delete', [c.id]), c.id);
  event = await nextMatching(events, ours(tag));
  equal('todo_item.deleted carries the row as it was', [event.kind, event.row, Object.keys(event.kwargs)], ['deleted', c, ['version']]);
  version = event.kwargs.version;

  // ---- errors ----
  await expectError('get of a deleted row', writer.call('todo_item.get', [c.id]), 'livestack.error.not_found');
  await expectError('update of a deleted row', writer.call('todo_item.update', [c.id, { done: true }]), 'livestack.error.not_found');
  await expectError('delete of a deleted row', writer.call('todo_item.delete', [c.id]), 'livestack.error.not_found');

  const empty = await expectError('create with an empty title', writer.call('todo_item.create', [], { title: '' }), 'wamp.error.invalid_argument');
  check(`kwargs.errors.title lists the messages: ${show(empty.kwargs)}`,
    Array.isArray(empty.kwargs.errors?.title) && empty.kwargs.errors.title.length > 0 && empty.kwargs.errors.title.every((m) => typeof m === 'string'));
  equal('and only the title failed', Object.keys(empty.kwargs.errors), ['title']);
  const long = await expectError('create with a 201-character title', writer.call('todo_item.create', [], { title: 'x'.repeat(201) }), 'wamp.error.invalid_argument');
  check(`StringLength(200) reports on the title: ${show(long.kwargs.errors)}`, Array.isArray(long.kwargs.errors?.title));
  const unknown = await expectError('create with an unknown field', writer.call('todo_item.create', [], { title: `${tag} x`, colour: 'red' }), 'wamp.error.invalid_argument');
  check('the message names the unknown field', unknown.args[0].includes('colour'), unknown.args[0]);
  const emptied = await expectError('update to an empty title', writer.call('todo_item.update', [a.id, { title: '' }]), 'wamp.error.invalid_argument');
  check('kwargs.errors.title again', Array.isArray(emptied.kwargs.errors?.title));
  equal('a refused update changes nothing', await writer.call('todo_item.get', [a.id]), aRenamed);
  await expectError('list on an unknown field', writer.call('todo_item.list', [], { where: { colour: 'red' } }), 'wamp.error.invalid_argument');
  await expectError('list with an unknown operator', writer.call('todo_item.list', [], { where: { title: { like: '%' } } }), 'wamp.error.invalid_argument');

  const sentinel = await writer.call('todo_item.create', [], { title: `${tag} sentinel` });
  event = await nextMatching(events, ours(tag));
  equal('refused writes published nothing: the next event is the next successful write', [event.kind, event.row], ['created', sentinel]);
  check('and the version moved by one (failed writes take none)', event.kwargs.version === version + 1, `${version} then ${event.kwargs.version}`);

  // ---- a live query ----
  const live = uniqueTitle('live');
  const query = { where: { title: { startsWith: live } }, orderBy: 'title' };
  const m = await writer.call('todo_item.create', [], { title: `${live} m` });
  const updates = new Inbox('live query updates');
  const order = [];
  reader.call('todo_item.live', [], query, { receive_progress: true }).then(
    (final) => order.push({ final }),
    (error) => order.push({ error }),
    (progress) => {
      const update = firstArg(progress);
      order.push({ update });
      updates.push(update);
    });

  const snapshot = await updates.next();
  const page = new LivePage(snapshot);
  check(`the first update is a snapshot with an epoch and a version (${snapshot.epoch}, ${snapshot.version})`,
    typeof snapshot.epoch === 'string' && snapshot.epoch.length > 0 && Number.isInteger(snapshot.version));
  equal('the snapshot holds the matching row', page.rows, [m]);

  const eventFor = async (row) => nextMatching(events, (e) => e.row.id === row.id);
  const k = await writer.call('todo_item.create', [], { title: `${live} k` });
  let delta = await updates.next();
  equal('another session creates a matching row: added at its index', [delta.added, delta.changed, delta.removed], [[{ row: k, index: 0 }], [], []]);
  equal('the delta has the change event\'s version', delta.version, (await eventFor(k)).kwargs.version);
  page.apply(delta);

  const mDone = await writer.call('todo_item.update', [m.id, { done: true }]);
  delta = await updates.next();
  equal('it updates a row in the page: changed, at its index', [delta.added, delta.changed, delta.removed], [[], [{ row: mDone, index: 1 }], []]);
  page.apply(delta);

  const outside = await writer.call('todo_item.create', [], { title: `${tag} outside the live query` });
  const kRenamed = await writer.call('todo_item.update', [k.id, { title: `${live} z` }]);
  delta = await updates.next();
  const outsideVersion = (await eventFor(outside)).kwargs.version;
  const renameVersion = (await nextMatching(events, (e) => e.kind === 'updated' && e.row.id === k.id)).kwargs.version;
  equal('a row outside the query sends no delta: the next one is the rename\'s', delta.version, renameVersion);
  check(`(the outside row took version ${outsideVersion} in between)`, outsideVersion < renameVersion);
  page.apply(delta);
  equal('a rename that moves the row: the page is re-ordered', page.rows, [mDone, kRenamed]);

  await writer.call('todo_item.delete', [m.id]);
  delta = await updates.next();
  equal('it deletes a row in the page: removed by key', [delta.added, delta.changed, delta.removed], [[], [], [m.id]]);
  page.apply(delta);
  equal('the page kept from snapshot and deltas equals list of the same query', page.rows, (await reader.call('todo_item.list', [], query)).items);

  // Read-your-writes: the live query's own caller writes; its delta must come before the RESULT.
  const ownCall = reader.call('todo_item.create', [], { title: `${live} r` }).then((row) => {
    order.push({ result: row });
    return row;
  });
  const own = await ownCall;
  const deltaAt = order.findIndex((o) => o.update && o.update.type === 'delta' && o.update.added.some((x) => x.row.id === own.id));
  const resultAt = order.findIndex((o) => o.result);
  check(`the caller's own write: its delta (#${deltaAt}) arrives before the create's RESULT (#${resultAt})`, deltaAt >= 0 && deltaAt < resultAt,
    show(order.map((o) => Object.keys(o)[0])));
  page.apply(await updates.next());
  equal('the page holds the own row too', page.rows, [own, kRenamed]);

  const once = await writer.call('todo_item.live', [], query);
  equal('a caller without receive_progress gets the snapshot once, as the result', [once.type, once.rows, once.version], ['snapshot', page.rows, page.version]);
  equal('the same epoch', once.epoch, page.epoch);
  check('the live query is still open', order.every((o) => !o.final && !o.error), show(order));
});
