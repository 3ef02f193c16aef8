using LiveStack.Benchmarks;
using LiveStack.Benchmarks.Servers;

// One executable plays both parts: by default the load client, and with "server" one server under
// test, which the client spawns so that each server's CPU time and memory belong to its own process.
return args is ["server", .. var serverArgs]
    ? await ServerMode.RunAsync(serverArgs).ConfigureAwait(false)
    : await BenchmarkRunner.RunAsync(args).ConfigureAwait(false);
