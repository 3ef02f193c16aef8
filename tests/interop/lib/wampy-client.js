'use strict';
// Opens wampy.js sessions for a scenario with the serializer it was given.

const WebSocket = require('ws');
const { Wampy } = require('wampy');
const { MsgpackSerializer } = require('wampy/MsgpackSerializer.js');
const { CborSerializer } = require('wampy/CborSerializer.js');
const { abort, check, CheckFailed } = require('./harness');

// JSON is wampy's default serializer.
const BINARY_SERIALIZERS = {
  msgpack: () => new MsgpackSerializer(),
  cbor: () => new CborSerializer(),
};

/** What every client gets: the realm, `ws` (wampy has no WebSocket of its own in Node), no reconnects, the serializer. */
function clientOptions(options) {
  if (options.transport !== 'websocket') {
    throw new Error('wampy.js speaks WAMP over WebSocket only');
  }
  const serializer = BINARY_SERIALIZERS[options.serializer]?.();
  return {
    realm: options.realm,
    ws: WebSocket,
    autoReconnect: false,
    ...(serializer ? { serializer } : {}),
  };
}

/**
 * Joins the realm as a new wampy client named `label`. A client that loses its session without
 * being asked to fails the scenario.
 * `auth` holds wampy's authentication options (authid, authmethods, authextra, onChallenge); the
 * WELCOME details end up in client.welcome.
 */
async function connect(options, label, cleanup, auth = {}) {
  let leaving = false;
  const client = new Wampy(options.url, {
    ...clientOptions(options),
    ...auth,
    onClose: () => {
      if (!leaving) {
        abort(`${label} lost its session unexpectedly`);
      }
    },
    // WAMP-level errors carry errorUri; WebsocketError wraps the socket's error event.
    onError: (error) => abort(`${label}: wampy ${error.name}: ${error.message} ${error.errorUri ?? error.error?.message ?? ''}`),
  });
  client.label = label;
  client.leave = () => {
    leaving = true;
    return client.getSessionId() ? client.disconnect() : undefined;
  };
  client.welcome = await client.connect();
  if (cleanup) {
    cleanup(() => client.leave());
  }
  const protocol = client._ws.protocol;
  check(`${label} joined as session ${client.getSessionId()} (${protocol})`, protocol === `wamp.2.${options.serializer}`,
    `negotiated ${protocol}`);
  return client;
}

/**
 * Tries to join as `label` with `auth` (as for connect) where the router must refuse: resolves with the
 * ABORT's reason (wampy's AbortError.errorUri); fails the scenario if WELCOME arrives instead.
 */
async function refused(options, label, auth) {
  const client = new Wampy(options.url, { ...clientOptions(options), ...auth });
  let welcome;
  try {
    welcome = await client.connect();
  } catch (error) {
    if (error.name !== 'AbortedError') {
      throw new CheckFailed(`${label}: expected ABORT, got ${error.name}: ${error.message}`);
    }
    return error.errorUri;
  }
  await client.disconnect();
  throw new CheckFailed(`${label} should have been refused, but joined as ${welcome.authid} (${welcome.authrole}, ${welcome.authmethod})`);
}

module.exports = { connect, refused };
