using LiveStack.Benchmarks.LiveData;

// The app, the router and the clients all run in this process: see README.md.
return await LiveDataBenchmark.RunAsync(args).ConfigureAwait(false);
