using ExposureSdk.Providers;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Samples.Web.Hosting;

/// <summary>
/// <c>/healthz</c>: each source's coverage and the last refresh. Healthy when the last refresh was recorded
/// and every source is Active; Degraded when a source is Limited, Inactive or Failed, or the last attempt failed
/// after an earlier one was recorded, or the last recorded refresh is older than two intervals; Unhealthy
/// before any refresh was recorded.
/// </summary>
internal sealed class DashboardHealthCheck(DashboardRefresher refresher, DashboardData data, IOptions<DashboardOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var attempt = refresher.LastAttempt;
        var result = data.Current;
        var values = new Dictionary<string, object>
        {
            ["lastAttempt"] = attempt is null
                ? "none yet"
                : new { startedAt = attempt.StartedAt, recorded = attempt.AsOf is not null, durationSeconds = attempt.Duration.TotalSeconds, error = attempt.Error },
        };
        if (result is null || !refresher.EverRecorded)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(attempt?.Error is { } error ? "no refresh was recorded: " + error : "no refresh has completed yet", data: values));
        }

        var sources = data.Sources.Reports(result);
        values["lastRefresh"] = new { asOf = result.AsOf, durationSeconds = result.Duration.TotalSeconds, events = result.Events.Count, warnings = result.Warnings.Count };
        values["sources"] = sources.Select(s =>
        {
            var outcome = result.FindOutcome(DashboardSources.ProviderName(s.Name));
            return new
            {
                name = s.Name,
                status = s.Status.ToString(),
                detail = s.Detail,
                outcome = outcome?.Kind.ToString(),
                lastSuccess = outcome?.LastSucceededAt,
                usedLastKnownData = outcome?.UsedLastKnownData ?? false,
                recommendations = s.Recommendations,
                assets = s.Assets,
                assessments = s.Assessments,
            };
        }).ToArray();

        var problems = new List<string>();
        problems.AddRange(sources.Where(s => s.Status != SourceStatus.Active).Select(s => $"{s.Name} is {s.Status}"));
        if (attempt?.Error is { } failed)
        {
            problems.Add("the last refresh was not recorded: " + failed);
        }

        if (time.GetUtcNow() - result.AsOf > 2 * options.Value.RefreshInterval)
        {
            problems.Add($"the last recorded refresh is from {result.AsOf:O}");
        }

        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy($"{sources.Count} source(s) active; refreshed {result.AsOf:O}", values)
            : HealthCheckResult.Degraded(string.Join("; ", problems), data: values));
    }
}
