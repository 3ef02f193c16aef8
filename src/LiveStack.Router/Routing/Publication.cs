namespace LiveStack.Router.Routing;

/// <summary>
/// One published event, self-contained: everything needed to deliver it to this node's
/// subscribers. It is the unit a cross-node backplane will ship between routers: a remote
/// publication is delivered with <see cref="Broker.Deliver"/> exactly like a local one.
/// </summary>
/// <param name="Id">The publication id (global scope).</param>
/// <param name="Topic">The concrete topic.</param>
/// <param name="Arguments">Positional payload.</param>
/// <param name="ArgumentsKeywords">Keyword payload.</param>
/// <param name="Filter">Who may receive it (publisher exclusion, black/white lists).</param>
/// <param name="Publisher">The publisher's identity when it asked to disclose it, else null.</param>
internal sealed record Publication(
    long Id,
    string Topic,
    IReadOnlyList<object?>? Arguments,
    IReadOnlyDictionary<string, object?>? ArgumentsKeywords,
    PublicationFilter Filter,
    PublisherIdentity? Publisher);

/// <summary>The identity disclosed to subscribers with <c>disclose_me</c>.</summary>
internal sealed record PublisherIdentity(long Session, string? AuthId, string? AuthRole);
