using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using LiveStack.Client;
using LiveStack.Wamp;

namespace LiveStack.EntityFrameworkCore.Queries;

/// <summary>
/// Parses a client query (WAMP payload values) into an <see cref="EntityQuery{T}"/>, rejecting
/// anything it cannot run the same way in SQL and in memory with <c>wamp.error.invalid_argument</c>.
/// </summary>
/// <remarks>
/// <para>
/// <c>where</c> is an object whose keys are AND-ed: a field name, or <c>and</c> / <c>or</c> (a
/// list of where-objects, true / false when empty) or <c>not</c> (a where-object). A field's value
/// is a literal (equality; null means IS NULL) or an object of operators, AND-ed: <c>eq</c>,
/// <c>ne</c>, <c>lt</c>, <c>lte</c>, <c>gt</c>, <c>gte</c>, <c>in</c> (a list), and for text
/// <c>contains</c>, <c>startsWith</c>, <c>endsWith</c>. Literals convert to the field's type
/// (enums from a name, case-insensitive, or a number; dates, times and Guids from strings).
/// </para>
/// <para>
/// lt/lte/gt/gte on text compare with <c>string.Compare(a, b)</c>: ordinal (by Unicode code point)
/// in memory, the column's collation in SQL — the same on SQLite's default BINARY collation,
/// different on case- or accent-insensitive collations. Equality and the text operators follow the
/// collation the same way.
/// </para>
/// <para>
/// Limits: nesting at most <see cref="MaxDepth"/> where-objects deep, at most
/// <see cref="MaxConditions"/> conditions (each operator of a field counts one, and so does each
/// empty where-object inside and/or/not), at most <see cref="MaxInValues"/> values in an <c>in</c> list.
/// </para>
/// </remarks>
internal static class QueryParser
{
    /// <summary>The deepest nesting of where-objects (the top one is level 1).</summary>
    public const int MaxDepth = 8;

    /// <summary>The most conditions a where-object may hold in all.</summary>
    public const int MaxConditions = 50;

    /// <summary>The most values an <c>in</c> list may hold.</summary>
    public const int MaxInValues = 500;

    private static readonly Dictionary<string, QueryOperator> Operators = new(StringComparer.Ordinal)
    {
        ["eq"] = QueryOperator.Eq,
        ["ne"] = QueryOperator.Ne,
        ["lt"] = QueryOperator.Lt,
        ["lte"] = QueryOperator.Lte,
        ["gt"] = QueryOperator.Gt,
        ["gte"] = QueryOperator.Gte,
        ["in"] = QueryOperator.In,
        ["contains"] = QueryOperator.Contains,
        ["startsWith"] = QueryOperator.StartsWith,
        ["endsWith"] = QueryOperator.EndsWith,
    };

    /// <summary>Parses and checks a client query.</summary>
    /// <typeparam name="T">The entity type (<see cref="QueryFields.EntityType"/>).</typeparam>
    /// <param name="fields">The entity's queryable fields and key.</param>
    /// <param name="where">The filter; null for none.</param>
    /// <param name="orderBy">A string (<c>"title"</c>, <c>"title desc"</c>, <c>"-title"</c>) or a list of them; null for the key's order.</param>
    /// <param name="skip">Rows to skip; null for none.</param>
    /// <param name="take">Rows to take; null (or more than <paramref name="maxTake"/>) for <paramref name="maxTake"/>.</param>
    /// <param name="maxTake">The server's page size limit.</param>
    /// <param name="json">Options converting literals (e.g. the entity's own converters); web defaults when null.</param>
    /// <exception cref="WampException"><c>wamp.error.invalid_argument</c>: the query is invalid; the message names the field or operator.</exception>
    public static EntityQuery<T> Parse<T>(
        QueryFields fields,
        IReadOnlyDictionary<string, object?>? where,
        object? orderBy,
        long? skip,
        long? take,
        int maxTake,
        JsonSerializerOptions? json = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTake);
        if (typeof(T) != fields.EntityType)
        {
            throw new ArgumentException($"The fields are those of {fields.EntityType.Name}, not {typeof(T).Name}.", nameof(fields));
        }

        var key = new StringBuilder("where=");
        QueryNode? filter = null;
        if (where is null)
        {
            key.Append("null");
        }
        else
        {
            var parser = new WhereParser(fields, json);
            var (node, text) = parser.Object(where, "where", 1);
            filter = node is AllNode { Children.Count: 0 } ? null : node;
            key.Append(where.Count == 0 ? "null" : text);
        }

        var order = ParseOrder(fields, orderBy);
        var isOrdered = order.Count > 0;
        key.Append(";orderBy=");
        if (!isOrdered)
        {
            key.Append("null");
        }

        foreach (var property in fields.Key)
        {
            if (!order.Exists(o => o.Property == property))
            {
                order.Add(new QueryOrder(property, Descending: false));
            }
        }

        if (isOrdered)
        {
            key.Append(string.Join(',', order.Select(o => QueryValues.Quote(o.Property.Name) + (o.Descending ? " desc" : string.Empty))));
        }

        var skipRows = Count(skip, "skip") ?? 0;
        var takeRows = Math.Min(Count(take, "take") ?? maxTake, maxTake);
        key.Append(CultureInfo.InvariantCulture, $";skip={skipRows};take={takeRows}");

        return new EntityQuery<T>(
            filter is null ? null : QueryExpressions.Lambda<T>(filter, memory: false),
            filter is null ? null : QueryExpressions.Lambda<T>(filter, memory: true),
            order,
            [.. order.Select(o => fields.Selector(o.Property))],
            new OrderComparer<T>([.. order.Select(o => fields.Comparer<T>(o.Property, o.Descending))]),
            skipRows,
            takeRows,
            isOrdered,
            key.ToString());
    }

    private static List<QueryOrder> ParseOrder(QueryFields fields, object? orderBy)
    {
        var order = new List<QueryOrder>();
        switch (orderBy)
        {
            case null:
                break;
            case string column:
                order.Add(Column(fields, column, order));
                break;
            case IReadOnlyList<object?> columns:
                foreach (var column in columns)
                {
                    order.Add(column is string text
                        ? Column(fields, text, order)
                        : throw Invalid("orderBy: a list of orderBy takes field names (\"title\", \"title desc\" or \"-title\")."));
                }

                break;
            default:
                throw Invalid("orderBy: expected a field name (\"title\", \"title desc\" or \"-title\") or a list of them.");
        }

        return order;
    }

    private static QueryOrder Column(QueryFields fields, string text, List<QueryOrder> order)
    {
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var name = parts.Length > 0 ? parts[0] : string.Empty;
        var descending = false;
        if (name.StartsWith('-'))
        {
            descending = true;
            name = name[1..];
        }

        if (parts.Length > 2 || name.Length == 0 || (parts.Length == 2 && (descending
            || !(parts[1].Equals("asc", StringComparison.OrdinalIgnoreCase) || parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase)))))
        {
            throw Invalid($"orderBy: {QueryValues.Quote(text)} is not a field name, \"field desc\" or \"-field\".");
        }

        descending |= parts.Length == 2 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
        if (!fields.Fields.TryGetValue(name, out var property))
        {
            throw Invalid($"orderBy: unknown field '{name}'.");
        }

        if (QueryValues.Classify(property.PropertyType) == FieldKind.Unsupported)
        {
            throw Invalid($"orderBy: field '{name}' ({QueryValues.Name(property.PropertyType)}) cannot be ordered.");
        }

        if (order.Exists(o => o.Property == property))
        {
            throw Invalid($"orderBy: field '{name}' is listed twice.");
        }

        return new QueryOrder(property, descending);
    }

    private static int? Count(long? value, string name) => value switch
    {
        null => null,
        < 0 => throw Invalid($"{name}: must not be negative (got {value})."),
        > int.MaxValue => throw Invalid($"{name}: must be at most {int.MaxValue} (got {value})."),
        _ => (int)value.Value,
    };

    private static WampException Invalid(string message) => new(WampErrors.InvalidArgument, message);

    private sealed class WhereParser(QueryFields fields, JsonSerializerOptions? json)
    {
        private int _conditions;

        /// <summary>A where-object: its node (an AND of its entries) and canonical text (keys sorted).</summary>
        public (QueryNode Node, string Key) Object(IReadOnlyDictionary<string, object?> where, string path, int depth)
        {
            if (depth > MaxDepth)
            {
                throw Invalid($"{path}: where-objects are nested deeper than {MaxDepth} levels.");
            }

            if (where.Count == 0 && depth > 1)
            {
                CountCondition(path);
            }

            var nodes = new List<QueryNode>(where.Count);
            var key = new StringBuilder("{");
            foreach (var name in where.Keys.Order(StringComparer.Ordinal))
            {
                var value = where[name];
                if (key.Length > 1)
                {
                    key.Append(',');
                }

                key.Append(QueryValues.Quote(name)).Append(':');
                var (node, text) = name switch
                {
                    "and" or "or" => List(name, value, path, depth),
                    "not" => Not(value, path, depth),
                    _ => Field(name, value, path),
                };
                nodes.Add(node);
                key.Append(text);
            }

            key.Append('}');
            return (nodes.Count == 1 ? nodes[0] : new AllNode(nodes), key.ToString());
        }

        private (QueryNode Node, string Key) Not(object? value, string path, int depth)
        {
            if (value is not IReadOnlyDictionary<string, object?> inner)
            {
                throw Invalid($"{path}.not: expected a where-object.");
            }

            var (node, key) = Object(inner, $"{path}.not", depth + 1);
            return (new NotNode(node), key);
        }

        private (QueryNode Node, string Key) List(string name, object? value, string path, int depth)
        {
            if (value is not IReadOnlyList<object?> items)
            {
                throw Invalid($"{path}.{name}: expected a list of where-objects.");
            }

            var nodes = new List<QueryNode>(Math.Min(items.Count, MaxConditions + 1));
            var key = new StringBuilder("[");
            for (var i = 0; i < items.Count; i++)
            {
                var itemPath = $"{path}.{name}[{i}]";
                if (items[i] is not IReadOnlyDictionary<string, object?> item)
                {
                    throw Invalid($"{itemPath}: expected a where-object.");
                }

                var (node, text) = Object(item, itemPath, depth + 1);
                nodes.Add(node);
                key.Append(i == 0 ? string.Empty : ",").Append(text);
            }

            key.Append(']');
            return (name == "and" ? new AllNode(nodes) : new AnyNode(nodes), key.ToString());
        }

        private (QueryNode Node, string Key) Field(string name, object? value, string path)
        {
            var fieldPath = $"{path}.{name}";
            if (!fields.Fields.TryGetValue(name, out var property))
            {
                throw Invalid($"{path}: unknown field '{name}'.");
            }

            if (value is IReadOnlyList<object?>)
            {
                throw Invalid($"{fieldPath}: field '{name}' takes a list only with the 'in' operator.");
            }

            if (value is not IReadOnlyDictionary<string, object?> operators)
            {
                var condition = Condition(name, property, QueryOperator.Eq, "eq", value, fieldPath);
                return (condition, $"{{\"eq\":{Canonical(condition)}}}");
            }

            if (operators.Count == 0)
            {
                throw Invalid($"{fieldPath}: an operator object needs an operator ({string.Join(", ", Operators.Keys)}).");
            }

            var nodes = new List<QueryNode>(operators.Count);
            var key = new StringBuilder("{");
            foreach (var opName in operators.Keys.Order(StringComparer.Ordinal))
            {
                if (!Operators.TryGetValue(opName, out var op))
                {
                    throw Invalid($"{fieldPath}: unknown operator '{opName}' (expected {string.Join(", ", Operators.Keys)}).");
                }

                var condition = Condition(name, property, op, opName, operators[opName], $"{fieldPath}.{opName}");
                nodes.Add(condition);
                key.Append(key.Length > 1 ? "," : string.Empty).Append('"').Append(opName).Append("\":").Append(Canonical(condition));
            }

            key.Append('}');
            return (nodes.Count == 1 ? nodes[0] : new AllNode(nodes), key.ToString());
        }

        private ConditionNode Condition(string name, PropertyInfo property, QueryOperator op, string opName, object? value, string path)
        {
            CountCondition(path);
            var type = property.PropertyType;
            var kind = QueryValues.Classify(type);
            var allowed = op switch
            {
                QueryOperator.Eq or QueryOperator.Ne or QueryOperator.In => kind >= FieldKind.Equatable,
                QueryOperator.Lt or QueryOperator.Lte or QueryOperator.Gt or QueryOperator.Gte => kind >= FieldKind.Ordered,
                _ => kind == FieldKind.Text,
            };
            if (!allowed)
            {
                throw Invalid(kind == FieldKind.Ordered || kind == FieldKind.Equatable
                    ? $"{path}: operator '{opName}' is not valid for field '{name}' ({QueryValues.Name(type)}); {(op >= QueryOperator.Contains ? "it applies to text fields" : "the field is compared with eq, ne and in")}."
                    : $"{path}: field '{name}' ({QueryValues.Name(type)}) cannot be filtered.");
            }

            if (op == QueryOperator.In)
            {
                if (value is not IReadOnlyList<object?> items)
                {
                    throw Invalid($"{path}: operator 'in' of field '{name}' takes a list.");
                }

                if (items.Count > MaxInValues)
                {
                    throw Invalid($"{path}: operator 'in' of field '{name}' takes at most {MaxInValues} values.");
                }

                var values = new object?[items.Count];
                for (var i = 0; i < items.Count; i++)
                {
                    values[i] = Convert(name, type, items[i], $"{path}[{i}]");
                }

                return new ConditionNode(property, op, values);
            }

            if (value is null && op is not (QueryOperator.Eq or QueryOperator.Ne))
            {
                throw Invalid($"{path}: operator '{opName}' of field '{name}' takes a value, not null (null is for eq and ne).");
            }

            return new ConditionNode(property, op, Convert(name, type, value, path));
        }

        private object? Convert(string name, Type type, object? value, string path) =>
            QueryValues.TryConvert(value, type, json, out var result, out var error)
                ? result
                : throw Invalid($"{path}: invalid value for field '{name}': {error}.");

        private void CountCondition(string path)
        {
            if (++_conditions > MaxConditions)
            {
                throw Invalid($"{path}: the where-object has more than {MaxConditions} conditions.");
            }
        }

        private static string Canonical(ConditionNode condition) => condition.Value is object?[] values
            ? "[" + string.Join(',', values.Select(QueryValues.Canonical)) + "]"
            : QueryValues.Canonical(condition.Value);
    }
}
