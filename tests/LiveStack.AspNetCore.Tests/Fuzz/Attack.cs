using LiveStack.Testing;
using LiveStack.Wamp.Serialization;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>
/// One kind of hostile session. The script drives a fresh connection and returns the endings the
/// router may choose; <paramref name="Connect"/> overrides how that connection is made (from the transport and codec drawn for it).
/// </summary>
internal sealed record Attack(string Name, int Weight, Func<AttackContext, Task<Ending>> Script, Func<RouterHost, WireKind, IWampCodec, Task<FuzzWire>>? Connect = null);

/// <summary>How one attack went.</summary>
internal sealed record AttackResult(string Name, string Wire, Ending Ending);
