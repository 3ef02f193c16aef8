using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LiveStack.EntityFrameworkCore;

/// <summary>
/// The exposed entities of one DbContext type, built from the options and the EF model the first
/// time a context of that type is seen, plus the per-context capture state.
/// </summary>
internal sealed class LiveDataModel(LiveDataOptions options, JsonSerializerOptions json)
{
    private static readonly Func<object, object> ShallowCopy =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!.CreateDelegate<Func<object, object>>();

    private readonly ConditionalWeakTable<DbContext, CaptureState> _states = [];
    private readonly Lock _gate = new();
    private Dictionary<Type, LiveEntity>? _entities;

    public LiveDataOptions Options => options;

    /// <summary>The exposed entities; empty until <see cref="EnsureBuilt"/> has seen a model.</summary>
    public IReadOnlyCollection<LiveEntity> Entities => (IReadOnlyCollection<LiveEntity>?)_entities?.Values ?? [];

    /// <summary>Builds the entities from <paramref name="model"/> once.</summary>
    /// <exception cref="InvalidOperationException">An opted-in type is not an entity of the model, or has no key.</exception>
    public IReadOnlyCollection<LiveEntity> EnsureBuilt(IModel model)
    {
        if (_entities is { } built)
        {
            return built.Values;
        }

        lock (_gate)
        {
            if (_entities is null)
            {
                var entities = new Dictionary<Type, LiveEntity>();
                foreach (var definition in options.Entities)
                {
                    var entityType = model.FindEntityType(definition.ClrType)
                        ?? throw new InvalidOperationException($"LiveData: {definition.ClrType.Name} is not an entity of the DbContext's model.");
                    var live = (LiveEntity)Activator.CreateInstance(typeof(LiveEntity<>).MakeGenericType(definition.ClrType), definition, entityType, options, json)!;
                    entities[definition.ClrType] = live;
                }

                _entities = entities;
            }

            return _entities.Values;
        }
    }

    public LiveEntity? Find(DbContext context, Type clrType)
    {
        var entities = _entities;
        if (entities is null)
        {
            EnsureBuilt(context.Model);
            entities = _entities!;
        }

        return entities.GetValueOrDefault(clrType);
    }

    public LiveEntity<T> Get<T>()
        where T : class =>
        _entities?.GetValueOrDefault(typeof(T)) as LiveEntity<T>
            ?? throw new InvalidOperationException($"LiveData: {typeof(T).Name} is not exposed.");

    public CaptureState State(DbContext context) => _states.GetOrCreateValue(context);

    /// <summary>A copy of the row's scalar values as they are now.</summary>
    public static object Snapshot(object entity) => ShallowCopy(entity);
}
