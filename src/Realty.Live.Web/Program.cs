using Realty.Live.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddRealtyLive();

var app = builder.Build();
await app.UseRealtyLiveAsync();
await app.RunAsync();

/// <summary>Visible to the test host.</summary>
public partial class Program;
