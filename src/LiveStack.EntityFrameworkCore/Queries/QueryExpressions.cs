using System.Linq.Expressions;
using System.Reflection;

namespace LiveStack.EntityFrameworkCore.Queries;

/// <summary>
/// Builds the predicate of a parsed where-object twice: once for EF to translate to SQL (literals
/// as parameters, methods EF knows) and once for memory (ordinal text operations, null-safe).
/// </summary>
internal static class QueryExpressions
{
    /// <summary>A character no text holds in practice: the end marker of <c>endsWith</c> in SQL.</summary>
    private const string EndMarker = "\uFFFF";

    private static readonly MethodInfo ParameterMethod = Method(typeof(QueryExpressions), nameof(Parameter));
    private static readonly MethodInfo ArrayMethod = Method(typeof(QueryExpressions), nameof(ToArray));
    private static readonly MethodInfo SetMethod = Method(typeof(QueryExpressions), nameof(ToSet));
    private static readonly MethodInfo CompareStrings = Method(typeof(QueryComparers), nameof(QueryComparers.CompareStrings));
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringStartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo StringEndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;
    private static readonly MethodInfo StringIndexOf = typeof(string).GetMethod(nameof(string.IndexOf), [typeof(string)])!;
    private static readonly MethodInfo StringConcat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo StringContainsOrdinal = typeof(string).GetMethod(nameof(string.Contains), [typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo StringStartsWithOrdinal = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo StringEndsWithOrdinal = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string), typeof(StringComparison)])!;
    private static readonly ConstantExpression Ordinal = Expression.Constant(StringComparison.Ordinal);
    private static readonly ConstantExpression Zero = Expression.Constant(0);

    /// <summary>The predicate of <paramref name="node"/>, for SQL (<paramref name="memory"/> false) or for memory.</summary>
    public static Expression<Func<T, bool>> Lambda<T>(QueryNode node, bool memory)
    {
        var entity = Expression.Parameter(typeof(T), "x");
        return Expression.Lambda<Func<T, bool>>(Build(node, entity, memory), entity);
    }

    private static Expression Build(QueryNode node, ParameterExpression entity, bool memory) => node switch
    {
        AllNode all => all.Children.Count == 0
            ? Expression.Constant(true)
            : all.Children.Select(c => Build(c, entity, memory)).Aggregate(Expression.AndAlso),
        AnyNode any => any.Children.Count == 0
            ? Expression.Constant(false)
            : any.Children.Select(c => Build(c, entity, memory)).Aggregate(Expression.OrElse),
        NotNode not => Expression.Not(Build(not.Child, entity, memory)),
        ConditionNode condition => Condition(condition, entity, memory),
        _ => throw new InvalidOperationException($"Unknown query node {node.GetType().Name}."),
    };

    private static Expression Condition(ConditionNode condition, ParameterExpression entity, bool memory)
    {
        var field = Expression.Property(entity, condition.Property);
        var type = condition.Property.PropertyType;
        return condition.Operator switch
        {
            QueryOperator.Eq => Equality(field, condition.Value, memory, ExpressionType.Equal),
            QueryOperator.Ne => Equality(field, condition.Value, memory, ExpressionType.NotEqual),
            QueryOperator.Lt or QueryOperator.Lte or QueryOperator.Gt or QueryOperator.Gte when type == typeof(string) =>
                TextComparison(field, (string)condition.Value!, condition.Operator, memory),
            QueryOperator.Lt or QueryOperator.Lte or QueryOperator.Gt or QueryOperator.Gte =>
                Comparison(condition.Operator, Comparable(field), Comparable(Value(condition.Value, type, memory))),
            QueryOperator.In => In(field, (Array)condition.Value!, memory),
            _ => Text(field, (string)condition.Value!, condition.Operator, memory),
        };
    }

    // A null literal stays a constant (IS NULL); any other value is a parameter for EF. Enums are
    // compared as enums, so EF applies the column's value converter (e.g. enums stored as text).
    private static BinaryExpression Equality(MemberExpression field, object? value, bool memory, ExpressionType kind)
    {
        var right = value is null ? Expression.Constant(null, field.Type) : Value(value, field.Type, memory);
        return Expression.MakeBinary(kind, field, right);
    }

    // Enums are ordered as their underlying numbers, as the C# compiler writes it and EF expects.
    private static Expression Comparable(Expression value)
    {
        var underlying = Nullable.GetUnderlyingType(value.Type) ?? value.Type;
        if (!underlying.IsEnum)
        {
            return value;
        }

        var number = Enum.GetUnderlyingType(underlying);
        return Expression.Convert(value, underlying == value.Type ? number : typeof(Nullable<>).MakeGenericType(number));
    }

    private static BinaryExpression Comparison(QueryOperator op, Expression left, Expression right) => op switch
    {
        QueryOperator.Lt => Expression.LessThan(left, right),
        QueryOperator.Lte => Expression.LessThanOrEqual(left, right),
        QueryOperator.Gt => Expression.GreaterThan(left, right),
        _ => Expression.GreaterThanOrEqual(left, right),
    };

    // Null text is neither less nor greater than anything (as in SQL), so both sides guard it.
    // SQL: string.Compare, which EF translates to the column's collation; memory: code-point order.
    private static BinaryExpression TextComparison(MemberExpression field, string value, QueryOperator op, bool memory)
    {
        var compare = Expression.Call(memory ? CompareStrings : StringCompare, field, Value(value, typeof(string), memory));
        return Expression.AndAlso(NotNull(field), Comparison(op, compare, Zero));
    }

    private static MethodCallExpression In(MemberExpression field, Array values, bool memory)
    {
        if (memory)
        {
            var set = SetMethod.MakeGenericMethod(field.Type).Invoke(null, [values])!;
            return Expression.Call(Expression.Constant(set), set.GetType().GetMethod(nameof(HashSet<int>.Contains))!, field);
        }

        var array = ArrayMethod.MakeGenericMethod(field.Type).Invoke(null, [values])!;
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [field.Type], Value(array, array.GetType(), memory: false), field);
    }

    // Memory uses ordinal matching. SQL uses what EF translates everywhere; for startsWith and
    // endsWith that is LIKE, which SQLite (and case-insensitive collations) match regardless of
    // ASCII case, so a second, exact test follows it: the prefix is found at position 0, or the
    // suffix followed by an end marker is found in the text followed by that marker. LIKE still
    // comes first so a database can use an index for the prefix.
    private static BinaryExpression Text(MemberExpression field, string value, QueryOperator op, bool memory)
    {
        Expression test;
        if (memory)
        {
            var method = op switch
            {
                QueryOperator.Contains => StringContainsOrdinal,
                QueryOperator.StartsWith => StringStartsWithOrdinal,
                _ => StringEndsWithOrdinal,
            };
            test = Expression.Call(field, method, Expression.Constant(value), Ordinal);
        }
        else
        {
            var parameter = Value(value, typeof(string), memory: false);
            test = op switch
            {
                QueryOperator.Contains => Expression.Call(field, StringContains, parameter),
                QueryOperator.StartsWith => Expression.AndAlso(
                    Expression.Call(field, StringStartsWith, parameter),
                    Expression.Equal(Expression.Call(field, StringIndexOf, parameter), Zero)),
                _ => Expression.AndAlso(
                    Expression.Call(field, StringEndsWith, parameter),
                    Expression.Call(
                        Expression.Call(StringConcat, field, Expression.Constant(EndMarker)),
                        StringContains,
                        Value(value + EndMarker, typeof(string), memory: false))),
            };
        }

        return Expression.AndAlso(NotNull(field), test);
    }

    private static BinaryExpression NotNull(MemberExpression field) => Expression.NotEqual(field, Expression.Constant(null, field.Type));

    // For SQL, `new QueryParameter<T>(value).Value`: EF evaluates it to a parameter, as it does a
    // captured variable, so queries differing only in literals share one cached translation.
    private static Expression Value(object? value, Type type, bool memory) =>
        memory ? Expression.Constant(value, type) : (Expression)ParameterMethod.MakeGenericMethod(type).Invoke(null, [value])!;

    private static MemberExpression Parameter<TValue>(object? value) =>
        Expression.Property(Expression.Constant(new QueryParameter<TValue>((TValue)value!)), nameof(QueryParameter<TValue>.Value));

    private static TValue[] ToArray<TValue>(Array values) => [.. values.Cast<TValue>()];

    private static HashSet<TValue> ToSet<TValue>(Array values) => [.. values.Cast<TValue>()];

    private static MethodInfo Method(Type type, string name) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
}

/// <summary>Holds a literal of a query so EF sees a captured value (a parameter), not a constant.</summary>
/// <typeparam name="TValue">The field's type.</typeparam>
internal sealed class QueryParameter<TValue>(TValue value)
{
    /// <summary>The literal.</summary>
    public TValue Value { get; } = value;
}
