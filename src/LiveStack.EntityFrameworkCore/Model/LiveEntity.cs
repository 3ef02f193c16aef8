using System.Text.Json;
using LiveStack.Client;
using LiveStack.EntityFrameworkCore.Queries;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LiveStack.EntityFrameworkCore;

/// <summary>
/// An exposed entity as the live-data layer runs it: URIs, key, exposed fields, rules and the
/// version counter of its change stream. Built once at start from the options and the EF model.
/// </summary>
internal abstract class LiveEntity
{
    private long _version;

    protected LiveEntity(LiveEntityDefinition definition, IEntityType entityType, LiveDataOptions options, JsonSerializerOptions json)
    {
        EntityType = entityType;
        Json = json;
        Name = definition.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(definition.ClrType.Name);
        Prefix = options.UriPrefix;
        var key = entityType.FindPrimaryKey() ?? throw new InvalidOperationException($"LiveData: entity {definition.ClrType.Name} has no primary key.");
        var fields = new List<LiveField>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.IsShadowProperty() || property.PropertyInfo is null || definition.Hidden.Contains(property.Name))
            {
                continue;
            }

            fields.Add(new LiveField(JsonNamingPolicy.CamelCase.ConvertName(property.Name), property, property.PropertyInfo));
        }

        Fields = fields;
        Key = [.. key.Properties.Select(p => fields.FirstOrDefault(f => f.Property == p)
            ?? throw new InvalidOperationException($"LiveData: the key {p.Name} of {definition.ClrType.Name} cannot be hidden."))];
        ConcurrencyToken = fields.FirstOrDefault(f => f.Property.IsConcurrencyToken);
        QueryFields = new QueryFields(definition.ClrType, fields.ToDictionary(f => f.Name, f => f.ClrProperty, StringComparer.Ordinal), [.. Key.Select(k => k.ClrProperty)]);
    }

    public IEntityType EntityType { get; }

    public Type ClrType => EntityType.ClrType;

    /// <summary>The URI name, e.g. <c>todo_item</c>.</summary>
    public string Name { get; }

    public string Prefix { get; }

    public IReadOnlyList<LiveField> Fields { get; }

    public IReadOnlyList<LiveField> Key { get; }

    public LiveField? ConcurrencyToken { get; }

    public QueryFields QueryFields { get; }

    public JsonSerializerOptions Json { get; }

    /// <summary>The last version handed out; versions count this entity's committed changes, from 1.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>True when reads are restricted by a rule.</summary>
    public abstract bool HasReadRule { get; }

    /// <summary>True when the read rule depends on who reads (so live queries are shared per identity, not globally).</summary>
    public abstract bool ReadDependsOnUser { get; }

    public string Topic(string kind) => $"{Prefix}{Name}.{kind}";

    public string Procedure(string operation) => $"{Prefix}{Name}.{operation}";

    public long NextVersion() => Interlocked.Increment(ref _version);

    /// <summary>Whether <paramref name="user"/> may read <paramref name="entity"/> (evaluated in memory).</summary>
    public abstract bool CanRead(object entity, LiveUser user);

    /// <summary>The entity as clients see it: exposed fields, camelCase, values of the neutral tree.</summary>
    public Dictionary<string, object?> ToPayload(object entity)
    {
        var payload = new Dictionary<string, object?>(Fields.Count, StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            payload[field.Name] = WampConvert.ToWamp(field.Get(entity), Json);
        }

        return payload;
    }

    /// <summary>The key as clients give it: the value for a single key, an object of the key fields for a composite one.</summary>
    public object? KeyPayload(object entity) => Key.Count == 1
        ? WampConvert.ToWamp(Key[0].Get(entity), Json)
        : Key.ToDictionary(k => k.Name, k => WampConvert.ToWamp(k.Get(entity), Json), StringComparer.Ordinal);

    /// <summary>A value identifying the row within this entity, for dictionaries.</summary>
    public EntityKey KeyOf(object entity) => new([.. Key.Select(k => k.Get(entity))]);
}
