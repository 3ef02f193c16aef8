using Microsoft.EntityFrameworkCore;

namespace Todo;

/// <summary>The app's database: one table of todo items.</summary>
public sealed class TodoDb(DbContextOptions<TodoDb> options) : DbContext(options)
{
    public DbSet<TodoItem> TodoItems => Set<TodoItem>();
}
