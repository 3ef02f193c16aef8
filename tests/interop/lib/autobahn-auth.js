'use strict';
// autobahn-js Connection options for each WAMP authentication method, built only from autobahn's own
// helpers (auth_cra, auth_cryptosign, its bundled tweetnacl) the way an application would use them.
// Every builder records the CHALLENGEs it answered in `challenges`, for the scenario to inspect.

const { autobahn } = require('./autobahn-client');

function answering(authmethods, authid, authextra, answer) {
  const challenges = [];
  return {
    authmethods,
    ...(authid === undefined ? {} : { authid }),
    ...(authextra === undefined ? {} : { authextra }),
    challenges,
    onchallenge: (session, method, extra) => {
      challenges.push({ method, extra });
      return answer(method, extra);
    },
  };
}

/** ticket: the cleartext ticket is the answer. */
function ticket(authid, secret) {
  return answering(['ticket'], authid, undefined, () => secret);
}

/** wampcra: HMAC of the challenge string, keyed with the secret or, when the router salts, the derived key. */
function wampcra(authid, secret) {
  return answering(['wampcra'], authid, undefined, (method, extra) => {
    const key = extra.salt ? autobahn.auth_cra.derive_key(secret, extra.salt, extra.iterations, extra.keylen) : secret;
    return autobahn.auth_cra.sign(key, extra.challenge);
  });
}

/** An Ed25519 key pair (tweetnacl's shape, as auth_cryptosign expects) from a 32-byte seed in hex. */
function keyPair(seedHex) {
  return autobahn.nacl.sign.keyPair.fromSeed(autobahn.util.htob(seedHex));
}

/**
 * cryptosign: HELLO authextra as autobahn's own auth_cryptosign.create_connection sends it (the public
 * key, no router authentication, no channel binding); the answer is auth_cryptosign.sign_challenge.
 * `signingKey` defaults to `key`: a different one signs the challenge with a key the pubkey does not match.
 */
function cryptosign(authid, key, signingKey = key) {
  const authextra = {
    pubkey: autobahn.auth_cryptosign.public_key(key),
    trustroot: null,
    challenge: null,
    channel_binding: null,
  };
  return answering(['cryptosign'], authid, authextra, (method, extra) => autobahn.auth_cryptosign.sign_challenge(signingKey, extra));
}

module.exports = { ticket, wampcra, cryptosign, keyPair };
