namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>Every kind of hostile session, with how often the fuzz picks it.</summary>
internal static class AttackCatalog
{
    public static IReadOnlyList<Attack> All { get; } =
    [
        new("truncated frame", 10, FrameAttacks.TruncatedAsync),
        new("wrong element type", 10, FrameAttacks.WrongElementTypeAsync),
        new("deep nesting", 6, FrameAttacks.DeepNestingAsync),
        new("huge string", 6, FrameAttacks.HugeStringAsync),
        new("huge number", 6, FrameAttacks.HugeNumberAsync),
        new("invalid UTF-8", 8, FrameAttacks.InvalidUtf8Async),
        new("random bytes", 6, FrameAttacks.GarbageAsync),
        new("mutated frame", 14, FrameAttacks.MutationAsync),
        new("out-of-range id", 6, FrameAttacks.OutOfRangeIdAsync),
        new("request-id gap", 6, ProtocolAttacks.RequestIdGapAsync),
        new("wrong state", 8, ProtocolAttacks.WrongStateAsync),
        new("hostile meta call", 5, ProtocolAttacks.HostileMetaCallAsync),
        new("privilege probe", 3, ProtocolAttacks.PrivilegeProbeAsync),
        new("unencodable relay", 3, ProtocolAttacks.UnencodableRelayAsync),
        new("wrong authentication answer", 10, AuthAttacks.WrongAnswerAsync),
        new("no matching auth method", 4, AuthAttacks.NoMatchingMethodAsync),
        new("unknown realm", 3, AuthAttacks.UnknownRealmAsync),
        new("bad RawSocket frame", 5, TransportAttacks.RawFrameAsync, TransportAttacks.ConnectRawSocketAsync),
        new("dropped connection", 5, TransportAttacks.DropAsync),
        new("stalled reader", 2, TransportAttacks.StallAsync, TransportAttacks.ConnectStalledAsync),
    ];

    private static readonly int TotalWeight = All.Sum(a => a.Weight);

    public static Attack Pick(Random random)
    {
        var ticket = random.Next(TotalWeight);
        foreach (var attack in All)
        {
            ticket -= attack.Weight;
            if (ticket < 0)
            {
                return attack;
            }
        }

        throw new InvalidOperationException("Unreachable: the weights add up to TotalWeight.");
    }
}
