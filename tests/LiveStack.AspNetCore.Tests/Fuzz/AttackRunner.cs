using LiveStack.Testing;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>Runs one hostile session from its seed and checks that the router ended it as the attack expects.</summary>
internal static class AttackRunner
{
    public static async Task<AttackResult> RunAsync(RouterHost host, int index, int seed)
    {
        var random = new Random(seed);
        var attack = AttackCatalog.Pick(random);
        var codec = WampCodecs.All[random.Next(WampCodecs.All.Count)];
        var kind = (WireKind)random.Next(2);
        FuzzWire? wire = null;
        AttackContext? context = null;
        try
        {
            wire = attack.Connect is { } connect ? await connect(host, kind, codec) : await FuzzWire.ConnectAsync(host, kind, codec);
            context = new AttackContext(host, wire, random, index);
            var expected = await attack.Script(context);
            if (expected == Ending.Dropped)
            {
                return new AttackResult(attack.Name, wire.Name, Ending.Dropped);
            }

            var received = await wire.ReceiveUntilClosedAsync();
            var actual = Endings.Classify(received, wire.End);
            if ((expected & actual) == 0)
            {
                throw new InvalidOperationException($"expected {expected}, but the session ended with {actual}; received {Describe(received)}, then {wire.End}.");
            }

            return new AttackResult(attack.Name, wire.Name, actual);
        }
        catch (Exception e)
        {
            throw new AttackFailedException($"Attack #{index} '{attack.Name}' (seed {seed}) over {wire?.Name ?? kind + "/" + codec.Serializer} at stage {context?.Stage}: {e.Message}", e);
        }
        finally
        {
            if (wire is not null)
            {
                await wire.DisposeAsync();
            }
        }
    }

    private static string Describe(List<WampMessage> received) =>
        received.Count == 0 ? "nothing" : string.Join(", ", received.TakeLast(5).Select(m => m is AbortMessage a ? $"ABORT {a.Reason}" : m.Code.ToString()));
}

/// <summary>A hostile session the router did not handle as expected.</summary>
internal sealed class AttackFailedException(string message, Exception inner) : Exception(message, inner);
