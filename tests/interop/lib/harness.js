'use strict';
// Shared scaffolding for the interop scripts: options from argv/env, one line per check,
// an overall deadline, and the exit code the xunit runner asserts on (0 = every check passed).

const { parseArgs, inspect, isDeepStrictEqual } = require('node:util');

const DEFAULT_TIMEOUT_MS = 20000;

/**
 * Options: --url, --transport, --serializer, --rawsocket-port, --realm, --timeout-ms, --auth; env LIVESTACK_* as
 * fallback. --auth is JSON with the credentials the router was configured with (auth scenarios only), so the
 * test that starts the router can make fresh secrets and keys for every run.
 */
function readOptions() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      transport: { type: 'string' },
      serializer: { type: 'string' },
      'rawsocket-port': { type: 'string' },
      realm: { type: 'string' },
      'timeout-ms': { type: 'string' },
      auth: { type: 'string' },
    },
  });
  const env = process.env;
  const options = {
    url: values.url ?? env.LIVESTACK_URL ?? 'ws://127.0.0.1:8080/ws',
    transport: values.transport ?? env.LIVESTACK_TRANSPORT ?? 'websocket',
    serializer: values.serializer ?? env.LIVESTACK_SERIALIZER ?? 'json',
    rawsocketPort: Number(values['rawsocket-port'] ?? env.LIVESTACK_RAWSOCKET_PORT ?? 0),
    realm: values.realm ?? env.LIVESTACK_REALM ?? 'realm1',
    timeoutMs: Number(values['timeout-ms'] ?? env.LIVESTACK_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS),
    auth: JSON.parse(values.auth ?? env.LIVESTACK_AUTH ?? '{}'),
  };
  if (!['websocket', 'rawsocket'].includes(options.transport)) {
    throw new Error(`unknown --transport '${options.transport}' (websocket or rawsocket)`);
  }
  if (!['json', 'msgpack', 'cbor'].includes(options.serializer)) {
    throw new Error(`unknown --serializer '${options.serializer}' (json, msgpack or cbor)`);
  }
  if (options.transport === 'rawsocket' && !options.rawsocketPort) {
    throw new Error('--rawsocket-port is required with --transport rawsocket');
  }
  return options;
}

// The running scenario's finish(error), for abort().
let abortScenario = null;

/**
 * Runs one scenario: body(options, cleanup) where cleanup(fn) registers teardown (closing sessions).
 * Prints PASS or FAIL and exits; a deadline guarantees the script never hangs.
 */
function scenario(name, body) {
  let options;
  try {
    options = readOptions();
  } catch (e) {
    console.log(`FAIL: ${e.message}`);
    process.exit(2);
  }

  const where = options.transport === 'rawsocket'
    ? `rawsocket tcp://127.0.0.1:${options.rawsocketPort}`
    : options.url;
  console.log(`# ${name} [${options.serializer} over ${where}, realm ${options.realm}]`);

  const deadline = setTimeout(() => {
    console.log(`FAIL: scenario did not finish within ${options.timeoutMs} ms`);
    process.exit(3);
  }, options.timeoutMs);

  const teardown = [];
  const cleanup = (fn) => teardown.push(fn);
  let finished = false;
  const finish = async (error) => {
    if (finished) {
      return;
    }
    finished = true;
    // Teardown failures are reported but never mask the scenario's own outcome.
    for (const fn of teardown.reverse()) {
      try {
        await within(3000, Promise.resolve().then(fn), 'teardown');
      } catch (e) {
        console.log(`# teardown: ${e.message}`);
      }
    }
    clearTimeout(deadline);
    if (error) {
      console.log(`FAIL: ${describeFailure(error)}`);
      process.exit(1);
    }
    console.log('PASS');
    process.exit(0);
  };

  abortScenario = finish;
  process.on('unhandledRejection', (e) => finish(new Error(`unhandled rejection: ${inspect(e)}`)));
  Promise.resolve()
    .then(() => body(options, cleanup))
    .then(() => finish(null), (e) => finish(e));
}

class CheckFailed extends Error {}

/** Fails the running scenario at once, from a callback outside its promise chain (e.g. a lost connection). */
function abort(message) {
  if (abortScenario) {
    abortScenario(new CheckFailed(message));
  }
}

function describeFailure(error) {
  if (error instanceof CheckFailed) {
    return error.message;
  }
  // An unexpected WAMP error: wampy's carry errorUri/argsList/argsDict, autobahn's error/args/kwargs.
  if (error && (error.errorUri || typeof error.error === 'string')) {
    const args = error.argsList ?? error.args ?? [];
    const kwargs = error.argsDict ?? error.kwargs ?? {};
    return `${error.name || 'WAMP error'} ${error.errorUri || error.error} ${show(args)} ${show(kwargs)}`;
  }
  return inspect(error);
}

/** Prints "ok - label" or fails the scenario with the label and detail. */
function check(label, condition, detail) {
  if (!condition) {
    throw new CheckFailed(detail === undefined ? label : `${label}: ${detail}`);
  }
  console.log(`ok - ${label}`);
}

/** Deep, strict equality check with both values in the failure message. */
function equal(label, actual, expected) {
  check(label, isDeepStrictEqual(actual, expected), `expected ${show(expected)}, got ${show(actual)}`);
}

/** Awaits a promise that must fail; returns the rejection reason. */
async function rejects(label, promise) {
  try {
    const value = await promise;
    throw new CheckFailed(`${label}: expected an error, got result ${show(value)}`);
  } catch (e) {
    if (e instanceof CheckFailed) {
      throw e;
    }
    return e;
  }
}

function show(value) {
  return inspect(value, { depth: 6, breakLength: Infinity });
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rejects with "timed out waiting for <what>" unless the promise settles within ms. */
function within(ms, promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new CheckFailed(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A queue of received items (events, invocations) that a scenario awaits in order. */
class Inbox {
  constructor(name) {
    this.name = name;
    this.items = [];
    this.waiters = [];
  }

  push(item) {
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter(item);
    } else {
      this.items.push(item);
    }
  }

  /** The next item, waiting up to ms for it. */
  next(ms = 10000) {
    if (this.items.length > 0) {
      return Promise.resolve(this.items.shift());
    }
    return within(ms, new Promise((resolve) => this.waiters.push(resolve)), `the next item in ${this.name}`);
  }
}

/** The credentials of one principal from --auth (e.g. 'ticket'), or a failure naming what is missing. */
function credentials(options, name) {
  const found = options.auth[name];
  if (!found) {
    throw new CheckFailed(`--auth has no '${name}' credentials; pass those the router was configured with`);
  }
  return found;
}

/** A unique URI prefix per run, so scenarios sharing one router never see each other's topics. */
function uniqueUri(scenarioName) {
  return `com.livestack.interop.${scenarioName}.${process.pid}_${Date.now().toString(36)}`;
}

module.exports = { scenario, abort, check, equal, rejects, show, sleep, within, Inbox, uniqueUri, credentials, CheckFailed };
