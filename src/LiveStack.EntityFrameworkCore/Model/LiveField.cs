using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LiveStack.EntityFrameworkCore;

/// <summary>One exposed property: its wire name, its EF property, and a getter compiled once.</summary>
internal sealed class LiveField
{
    public LiveField(string name, IProperty property, PropertyInfo clrProperty)
    {
        Name = name;
        Property = property;
        ClrProperty = clrProperty;
        var entity = Expression.Parameter(typeof(object), "entity");
        var body = Expression.Convert(Expression.Property(Expression.Convert(entity, clrProperty.DeclaringType!), clrProperty), typeof(object));
        Get = Expression.Lambda<Func<object, object?>>(body, entity).Compile();
        if (clrProperty.SetMethod is not null)
        {
            var value = Expression.Parameter(typeof(object), "value");
            var assign = Expression.Assign(
                Expression.Property(Expression.Convert(entity, clrProperty.DeclaringType!), clrProperty),
                Expression.Convert(value, clrProperty.PropertyType));
            Set = Expression.Lambda<Action<object, object?>>(assign, entity, value).Compile();
        }
    }

    /// <summary>The camelCase name clients see.</summary>
    public string Name { get; }

    public IProperty Property { get; }

    public PropertyInfo ClrProperty { get; }

    public Func<object, object?> Get { get; }

    /// <summary>Sets the value; null when the property has no setter.</summary>
    public Action<object, object?>? Set { get; }

    /// <summary>True when the database generates the value on insert (e.g. an identity key).</summary>
    public bool IsGenerated => Property.ValueGenerated.HasFlag(ValueGenerated.OnAdd);
}
