using Appeals.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAppealsWeb(builder.Configuration);

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.MapAppealsWeb();
app.Run();

/// <summary>The entry point, public so that WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
