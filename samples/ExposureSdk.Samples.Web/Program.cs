using ExposureSdk.Samples.Web.Api;
using ExposureSdk.Samples.Web.Hosting;

// The ExposureSdk web dashboard sample (issue 16): `dotnet run --project samples/ExposureSdk.Samples.Web`
// serves the demo tenant on localhost; `--urls http://0.0.0.0:8080` works as in any ASP.NET Core app.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddExposureDashboard(builder.Configuration, builder.Environment);
builder.Services.AddRazorPages();

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}

app.UseStatusCodePagesWithReExecute("/Status/{0}");
app.UseStaticFiles();
app.UseRouting();
app.UseAntiforgery();
app.MapHealthChecks("/healthz", new() { ResponseWriter = HealthResponse.WriteAsync });
app.MapDashboardApi();
app.MapRazorPages();
app.Run();

/// <summary>The entry point (public for the in-process tests' <c>WebApplicationFactory</c>).</summary>
public partial class Program;
