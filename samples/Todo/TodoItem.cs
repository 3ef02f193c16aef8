using System.ComponentModel.DataAnnotations;

namespace Todo;

/// <summary>One thing to do.</summary>
public sealed class TodoItem
{
    public int Id { get; set; }

    [Required]
    [StringLength(200, MinimumLength = 1)]
    public string Title { get; set; } = "";

    public bool Done { get; set; }
}
