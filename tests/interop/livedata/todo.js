'use strict';
// Helpers for the scenarios against samples/Todo (todo_item {id, title, done}): unique titles, so
// scenarios sharing one app never see each other's rows, and a live query's page kept up to date
// by applying deltas exactly as docs/live-data.md says a client must.

const { CheckFailed, show } = require('../lib/harness');

let counter = 0;

/** A title no other run or scenario uses, e.g. "buy milk 4711-lx3k9a-1". */
function uniqueTitle(text) {
  counter += 1;
  return `${text} ${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** The next item of an inbox that `match` accepts; items others caused are skipped. */
async function nextMatching(inbox, match, ms = 10000) {
  for (;;) {
    const item = await inbox.next(ms);
    if (match(item)) {
      return item;
    }
  }
}

/**
 * A live query's current page, built from its snapshot and each delta: remove the rows whose keys
 * are in `removed` and the rows of `changed`, then insert the rows of `added` and `changed` at their
 * index, in ascending index order.
 */
class LivePage {
  constructor(snapshot) {
    if (snapshot.type !== 'snapshot') {
      throw new CheckFailed(`a live query starts with a snapshot, got ${show(snapshot)}`);
    }
    this.epoch = snapshot.epoch;
    this.version = snapshot.version;
    this.rows = [...snapshot.rows];
  }

  apply(delta) {
    if (delta.type !== 'delta') {
      throw new CheckFailed(`expected a delta, got ${show(delta)}`);
    }
    if (!(delta.version > this.version)) {
      throw new CheckFailed(`delta version ${delta.version} does not follow ${this.version}`);
    }
    const gone = new Set([...delta.removed, ...delta.changed.map((c) => c.row.id)]);
    this.rows = this.rows.filter((r) => !gone.has(r.id));
    for (const { row, index } of [...delta.added, ...delta.changed].sort((a, b) => a.index - b.index)) {
      this.rows.splice(index, 0, row);
    }
    this.version = delta.version;
  }
}

module.exports = { uniqueTitle, nextMatching, LivePage };
