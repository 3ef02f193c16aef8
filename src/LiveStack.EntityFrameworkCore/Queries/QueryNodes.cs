using System.Reflection;

namespace LiveStack.EntityFrameworkCore.Queries;

/// <summary>A comparison operator of the where language.</summary>
internal enum QueryOperator
{
    /// <summary><c>eq</c>: equal (null means IS NULL).</summary>
    Eq,

    /// <summary><c>ne</c>: not equal (null means IS NOT NULL; a value also matches nulls).</summary>
    Ne,

    /// <summary><c>lt</c>: less than.</summary>
    Lt,

    /// <summary><c>lte</c>: less than or equal.</summary>
    Lte,

    /// <summary><c>gt</c>: greater than.</summary>
    Gt,

    /// <summary><c>gte</c>: greater than or equal.</summary>
    Gte,

    /// <summary><c>in</c>: equal to one of a list.</summary>
    In,

    /// <summary><c>contains</c>: text containing a substring.</summary>
    Contains,

    /// <summary><c>startsWith</c>: text starting with a prefix.</summary>
    StartsWith,

    /// <summary><c>endsWith</c>: text ending with a suffix.</summary>
    EndsWith,
}

/// <summary>What a field's type allows.</summary>
internal enum FieldKind
{
    /// <summary>Neither filtered nor ordered (an owned or custom type).</summary>
    Unsupported,

    /// <summary>Ordered only (binary data): no operator.</summary>
    OrderOnly,

    /// <summary>eq, ne and in, and ordering (bool, Guid, char).</summary>
    Equatable,

    /// <summary>Also lt, lte, gt and gte (numbers, dates, times, enums).</summary>
    Ordered,

    /// <summary>Every operator (string).</summary>
    Text,
}

/// <summary>A node of a parsed where-object.</summary>
internal abstract class QueryNode;

/// <summary>All children hold (AND); true when there are none.</summary>
internal sealed class AllNode(IReadOnlyList<QueryNode> children) : QueryNode
{
    public IReadOnlyList<QueryNode> Children { get; } = children;
}

/// <summary>Some child holds (OR); false when there are none.</summary>
internal sealed class AnyNode(IReadOnlyList<QueryNode> children) : QueryNode
{
    public IReadOnlyList<QueryNode> Children { get; } = children;
}

/// <summary>The child does not hold.</summary>
internal sealed class NotNode(QueryNode child) : QueryNode
{
    public QueryNode Child { get; } = child;
}

/// <summary>One field compared with a value already converted to the field's type (an array of them for <c>in</c>).</summary>
internal sealed class ConditionNode(PropertyInfo property, QueryOperator op, object? value) : QueryNode
{
    public PropertyInfo Property { get; } = property;

    public QueryOperator Operator { get; } = op;

    public object? Value { get; } = value;
}

/// <summary>One column of an ordering.</summary>
/// <param name="Property">The ordered property.</param>
/// <param name="Descending">True for descending (nulls last), false for ascending (nulls first).</param>
internal readonly record struct QueryOrder(PropertyInfo Property, bool Descending);
