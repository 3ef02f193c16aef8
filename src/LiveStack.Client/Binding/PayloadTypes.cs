using System.Collections;

namespace LiveStack.Client.Binding;

/// <summary>Bind-time questions about the type of a payload parameter.</summary>
internal static class PayloadTypes
{
    /// <summary>
    /// True for a complex object: not a primitive, string, enum, date/time, Guid, decimal, byte[]
    /// or collection. Such a parameter, alone in its handler, may take the whole keyword arguments.
    /// </summary>
    public static bool IsComplexObject(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return !(type.IsPrimitive
            || type.IsEnum
            || type.IsPointer
            || type == typeof(object)
            || type == typeof(string)
            || type == typeof(decimal)
            || type == typeof(DateTime)
            || type == typeof(DateTimeOffset)
            || type == typeof(DateOnly)
            || type == typeof(TimeOnly)
            || type == typeof(TimeSpan)
            || type == typeof(Guid)
            || type == typeof(Uri)
            || typeof(IEnumerable).IsAssignableFrom(type));
    }

    /// <summary>The value of <c>default(T)</c> for <paramref name="type"/>, boxed.</summary>
    public static object? DefaultOf(Type type) =>
        type.IsValueType && Nullable.GetUnderlyingType(type) is null
            ? System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type)
            : null;
}
