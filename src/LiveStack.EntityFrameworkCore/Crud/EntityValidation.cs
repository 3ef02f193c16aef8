using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using LiveStack.Client;
using LiveStack.Wamp;

namespace LiveStack.EntityFrameworkCore;

/// <summary>DataAnnotations and <see cref="IValidatableObject"/> checks, reported per field as <c>wamp.error.invalid_argument</c>.</summary>
internal static class EntityValidation
{
    /// <exception cref="WampException"><c>wamp.error.invalid_argument</c> with kwargs <c>errors</c>: field → messages.</exception>
    public static void Validate(object entity, IServiceProvider services)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(entity, new ValidationContext(entity, services, null), results, validateAllProperties: true))
        {
            return;
        }

        var errors = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            var members = result.MemberNames.Any() ? result.MemberNames : [""];
            foreach (var member in members)
            {
                var field = member.Length == 0 ? "" : JsonNamingPolicy.CamelCase.ConvertName(member);
                var messages = (List<object?>)(errors.TryGetValue(field, out var existing) ? existing! : errors[field] = new List<object?>());
                messages.Add(result.ErrorMessage);
            }
        }

        var summary = string.Join("; ", results.Select(r => r.ErrorMessage));
        throw new WampException(WampErrors.InvalidArgument, [$"Validation failed: {summary}"], new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = errors });
    }
}
