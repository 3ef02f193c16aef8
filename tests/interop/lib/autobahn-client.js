'use strict';
// Opens autobahn-js sessions for a scenario over the transport and serializer it was given.

const { format } = require('node:util');
const autobahn = require('autobahn');
const { abort, check, show, within, CheckFailed } = require('./harness');

// autobahn warns on stderr about every close; keep those lines, but as one-line comments in the scenario's output.
autobahn.log.warn = (...args) => console.log(`# autobahn: ${format(...args).replace(/\s*\n\s*/g, ' ')}`);

const SERIALIZERS = {
  json: () => new autobahn.serializer.JSONSerializer(),
  msgpack: () => new autobahn.serializer.MsgpackSerializer(),
  cbor: () => new autobahn.serializer.CBORSerializer(),
};

// autobahn raises its own Error class (message in .error) as well as JavaScript errors. Its protocol
// violation report calls that class without `new`, which leaves the message in globalThis.error.
function describe(error) {
  return error === undefined ? globalThis.error : (error.error || error.message || show(error));
}

function transportFor(options) {
  if (options.transport === 'rawsocket') {
    // Quirk: autobahn-js 22.11.1's Node RawSocket transport speaks JSON only (Protocol.SERIALIZERS is
    // {json: 1}; a `serializer` transport option is ignored), so other serializers cannot be tested here.
    if (options.serializer !== 'json') {
      throw new Error(`autobahn-js RawSocket supports json only, not ${options.serializer}`);
    }
    return { type: 'rawsocket', host: '127.0.0.1', port: options.rawsocketPort };
  }
  return { type: 'websocket', url: options.url, serializers: [SERIALIZERS[options.serializer]()] };
}

/** A Connection that never retries, with `auth` (authentication options) and our error reporting. */
function newConnection(options, label, auth) {
  return new autobahn.Connection({
    realm: options.realm,
    transports: [transportFor(options)],
    max_retries: 0,
    retry_if_unreachable: false,
    ...auth,
    // Exceptions thrown by our own handlers on purpose (application errors) land here.
    on_user_error: (error, message) => console.log(`# ${label}: ${message || 'user error'} ${describe(error)}`),
    // autobahn reports protocol violations it detects in the router's messages here.
    on_internal_error: (error, message) => abort(`${label}: autobahn internal error: ${message || ''} ${describe(error)}`),
  });
}

/**
 * Joins the realm as a new session named `label`; resolves with the autobahn Session once WELCOME
 * arrived (its details in session.welcome). A session that loses its connection without being asked
 * to (session.disconnect) or told to expect it (session.expectClose) fails the scenario, and so does a
 * protocol violation autobahn detects. `cleanup` gets the session's graceful close. `auth` holds the
 * Connection's authentication options (authmethods, authid, authextra, onchallenge; see lib/autobahn-auth.js).
 */
function connect(options, label, cleanup, auth = {}) {
  return new Promise((resolve, reject) => {
    let joined = false;
    let leaving = false;
    let closed;
    const whenClosed = new Promise((r) => { closed = r; });
    const connection = newConnection(options, label, auth);

    connection.onopen = (session, details) => {
      joined = true;
      session.label = label;
      session.welcome = details;
      session.disconnect = () => {
        leaving = true;
        if (session.isOpen) {
          connection.close();
        }
        return whenClosed;
      };
      // For a session the router is about to close: resolves with the close's reason and details.
      session.expectClose = () => {
        leaving = true;
        return whenClosed;
      };
      if (cleanup) {
        cleanup(() => session.isOpen && session.disconnect());
      }
      // Settle the promise rather than throw: autobahn swallows exceptions from onopen.
      const expected = options.transport === 'rawsocket' ? 'wamp.2.json' : `wamp.2.${options.serializer}`;
      if (details.transport.protocol !== expected) {
        reject(new CheckFailed(`${label} negotiated ${details.transport.protocol}, asked for ${expected}`));
        return;
      }
      check(`${label} joined as session ${session.id} (${details.transport.protocol})`, true);
      resolve(session);
    };

    connection.onclose = (reason, details) => {
      closed({ reason, details });
      if (!joined) {
        reject(new CheckFailed(`${label}: could not join (${reason}; ${details.reason || ''} ${details.message || ''})`));
      } else if (!leaving) {
        abort(`${label} lost its session unexpectedly (${reason}; ${details.reason || ''} ${details.message || ''})`);
      }
      return true; // never reconnect
    };

    connection.open();
  });
}

/**
 * Tries to join as `label` with `auth` (as for connect) where the router must refuse: resolves with the
 * ABORT's reason and message as autobahn's onclose reports them (details.reason, details.message);
 * fails the scenario if WELCOME arrives instead.
 */
function refused(options, label, auth = {}) {
  return new Promise((resolve, reject) => {
    const connection = newConnection(options, label, auth);
    connection.onopen = (session, details) => {
      reject(new CheckFailed(`${label} should have been refused, but joined as ${show([details.authid, details.authrole, details.authmethod])}`));
      connection.close();
    };
    connection.onclose = (reason, details) => {
      resolve({ reason: details.reason, message: details.message });
      return true; // never reconnect
    };
    connection.open();
  });
}

/**
 * Observes a session's raw WAMP messages below autobahn: `sent` and `received` list them,
 * `waitFor` awaits an incoming one, and incoming messages matching a predicate given to `hide`
 * never reach autobahn (for replies autobahn would wrongly treat as protocol violations).
 */
function tap(session) {
  const transport = session._socket;
  const sent = [];
  const received = [];
  const waiters = [];
  const hidden = [];
  const send = transport.send;
  transport.send = (message) => {
    sent.push(message);
    return send(message);
  };
  const deliver = transport.onmessage;
  transport.onmessage = (message) => {
    received.push(message);
    for (const waiter of waiters.filter((w) => w.predicate(message))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
    if (!hidden.some((hide) => hide(message))) {
      deliver(message);
    }
  };
  const waitFor = (what, predicate, ms = 10000) => {
    const seen = received.find(predicate);
    return seen ? Promise.resolve(seen) : within(ms, new Promise((resolve) => waiters.push({ predicate, resolve })), what);
  };
  return { sent, received, waitFor, hide: (predicate) => hidden.push(predicate) };
}

module.exports = { autobahn, connect, refused, tap };
