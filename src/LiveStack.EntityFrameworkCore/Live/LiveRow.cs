namespace LiveStack.EntityFrameworkCore;

/// <summary>One row of a live query's current result: the entity copy, its key and what clients were sent.</summary>
internal sealed record LiveRow(EntityKey Key, object Entity, Dictionary<string, object?> Payload);
