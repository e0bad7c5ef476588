using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ExposureSdk.Samples.Web.Hosting;

/// <summary>Writes <c>/healthz</c> as JSON: the overall status, then each check's status, description and data (the sources and the last refresh).</summary>
internal static class HealthResponse
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = SafeText.JsonEncoder };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Options));
    }
}
