'use strict';
// Opens wampy.js sessions for a scenario with the serializer it was given.

const WebSocket = require('ws');
const { Wampy } = require('wampy');
const { MsgpackSerializer } = require('wampy/MsgpackSerializer.js');
const { CborSerializer } = require('wampy/CborSerializer.js');
const { abort, check } = require('./harness');

// JSON is wampy's default serializer.
const BINARY_SERIALIZERS = {
  msgpack: () => new MsgpackSerializer(),
  cbor: () => new CborSerializer(),
};

/**
 * Joins the realm as a new wampy client named `label`. wampy has no WebSocket of its own in Node,
 * so it gets `ws`. A client that loses its session without being asked to fails the scenario.
 */
async function connect(options, label, cleanup) {
  if (options.transport !== 'websocket') {
    throw new Error('wampy.js speaks WAMP over WebSocket only');
  }
  let leaving = false;
  const serializer = BINARY_SERIALIZERS[options.serializer]?.();
  const client = new Wampy(options.url, {
    realm: options.realm,
    ws: WebSocket,
    autoReconnect: false,
    ...(serializer ? { serializer } : {}),
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
  await client.connect();
  if (cleanup) {
    cleanup(() => client.leave());
  }
  const protocol = client._ws.protocol;
  check(`${label} joined as session ${client.getSessionId()} (${protocol})`, protocol === `wamp.2.${options.serializer}`,
    `negotiated ${protocol}`);
  return client;
}

module.exports = { connect };
