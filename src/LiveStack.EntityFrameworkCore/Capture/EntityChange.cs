namespace LiveStack.EntityFrameworkCore;

/// <summary>What happened to a row.</summary>
internal enum ChangeKind
{
    Created,
    Updated,
    Deleted,
}

/// <summary>
/// One committed change of an exposed entity. <see cref="Row"/> is a shallow copy taken when the
/// change was saved, so later edits of the tracked object do not leak into the event.
/// </summary>
internal sealed record EntityChange(LiveEntity Entity, ChangeKind Kind, object Row, Dictionary<string, object?> Payload, IReadOnlyList<string> Changed)
{
    /// <summary>The entity's version of this change, assigned when the change enters the feed (in commit order).</summary>
    public long Version { get; set; }

    public string Topic => Entity.Topic(Kind switch
    {
        ChangeKind.Created => "created",
        ChangeKind.Updated => "updated",
        _ => "deleted",
    });
}
