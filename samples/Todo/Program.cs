using Microsoft.EntityFrameworkCore;
using Todo;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDbContext<TodoDb>(o => o.UseSqlite(builder.Configuration.GetConnectionString("Todo") ?? "Data Source=todo.db"));
builder.Services.AddLiveStack().AddLiveData<TodoDb>(o => o.Entity<TodoItem>());

var app = builder.Build();
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<TodoDb>().Database.EnsureCreatedAsync();
}

app.MapLiveStack("/ws");
app.Run();
