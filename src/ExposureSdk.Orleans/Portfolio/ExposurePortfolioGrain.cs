using ExposureSdk.Orleans.Hosting;
using ExposureSdk.Orleans.Tenants;
using ExposureSdk.Orleans.Views;
using ExposureSdk.ScoreCards;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace ExposureSdk.Orleans.Portfolio;

/// <summary>The portfolio grain: see <see cref="IExposurePortfolioGrain"/>.</summary>
[StatelessWorker]
internal sealed class ExposurePortfolioGrain(IExposureTenantFactory factory, IOptions<ExposureGrainOptions> options) : Grain, IExposurePortfolioGrain
{
    private readonly ExposureGrainOptions _options = options.Value;

    public async Task<PortfolioResult<PortfolioInitiativeView>> GetWorstInitiativesAsync(int count, IReadOnlyList<string>? tenantIds = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 10_000);
        var (answers, asked, failures) = await FanOutAsync(tenantIds, t => t.GetSummaryAsync());
        var items = answers
            .Where(a => a.Answer is not null)
            .SelectMany(a => a.Answer!.Initiatives.Where(i => i.Availability == ScoreAvailability.Available && i.Score is not null).Select(i => new PortfolioInitiativeView(a.TenantId, i)))
            .OrderBy(v => v.Initiative.Score)
            .ThenBy(v => v.TenantId, StringComparer.Ordinal)
            .ThenBy(v => v.Initiative.Id, StringComparer.Ordinal)
            .Take(count)
            .ToArray();
        return new PortfolioResult<PortfolioInitiativeView>(items, asked, failures);
    }

    public async Task<PortfolioResult<SecurityEventView>> GetRecentEventsAsync(int days, IReadOnlyList<string>? tenantIds = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 3650);
        var (answers, asked, failures) = await FanOutAsync(tenantIds, t => t.GetRecentEventsAsync(days));
        var items = answers
            .SelectMany(a => a.Answer)
            .OrderBy(e => e.Date)
            .ThenBy(e => e.TenantId, StringComparer.Ordinal)
            .ThenBy(e => e.Kind)
            .ThenBy(e => e.SubjectId, StringComparer.Ordinal)
            .ToArray();
        return new PortfolioResult<SecurityEventView>(items, asked, failures);
    }

    public async Task<PortfolioResult<TenantBelowTargetView>> GetTenantsBelowTargetAsync(IReadOnlyList<string>? tenantIds = null)
    {
        var (answers, asked, failures) = await FanOutAsync(tenantIds, t => t.GetSummaryAsync());
        var items = answers
            .Where(a => a.Answer is not null)
            .Select(a => new TenantBelowTargetView(
                a.TenantId,
                a.Answer!.SecureScore,
                [.. a.Answer.Initiatives
                    .Where(i => i.Availability == ScoreAvailability.Available && i.Score is { } s && i.TargetScore is { } target && s < target)
                    .OrderByDescending(i => i.TargetScore!.Value - i.Score!.Value)
                    .ThenBy(i => i.Id, StringComparer.Ordinal)]))
            .Where(t => t.Initiatives.Count > 0)
            .OrderByDescending(t => t.Initiatives[0].TargetScore!.Value - t.Initiatives[0].Score!.Value)
            .ThenBy(t => t.TenantId, StringComparer.Ordinal)
            .ToArray();
        return new PortfolioResult<TenantBelowTargetView>(items, asked, failures);
    }

    public async Task<PortfolioResult<string>> StartTenantsAsync(IReadOnlyList<string>? tenantIds = null)
    {
        var (answers, asked, failures) = await FanOutAsync(tenantIds, t => t.StartAsync());
        return new PortfolioResult<string>([.. answers.Select(a => a.Answer)], asked, failures);
    }

    /// <summary>Asks every tenant, at most <see cref="ExposureGrainOptions.PortfolioMaxConcurrency"/> at a time, each within its timeout.</summary>
    private async Task<(List<(string TenantId, T Answer)> Answers, int Asked, PortfolioFailure[] Failures)> FanOutAsync<T>(IReadOnlyList<string>? tenantIds, Func<IExposureTenantGrain, Task<T>> ask)
    {
        var tenants = (tenantIds ?? await factory.GetTenantIdsAsync(CancellationToken.None)).Distinct(StringComparer.Ordinal).ToArray();
        using var slots = new SemaphoreSlim(_options.PortfolioMaxConcurrency);
        var results = await Task.WhenAll(tenants.Select(async tenant =>
        {
            await slots.WaitAsync();
            try
            {
                if (string.IsNullOrWhiteSpace(tenant))
                {
                    throw new ArgumentException("A tenant id is empty.", nameof(tenantIds));
                }

                var answer = await ask(GrainFactory.GetGrain<IExposureTenantGrain>(tenant)).WaitAsync(_options.PortfolioTenantTimeout);
                return (Tenant: tenant, Answer: answer, Error: (string?)null);
            }
            catch (TimeoutException)
            {
                return (Tenant: tenant, Answer: default(T)!, Error: (string?)$"The tenant did not answer within {_options.PortfolioTenantTimeout}.");
            }
            catch (Exception ex)
            {
                return (Tenant: tenant, Answer: default(T)!, Error: (string?)ex.Message);
            }
            finally
            {
                slots.Release();
            }
        }));

        var answers = results.Where(r => r.Error is null).Select(r => (r.Tenant, r.Answer)).ToList();
        var failures = results.Where(r => r.Error is not null).Select(r => new PortfolioFailure(r.Tenant, r.Error!)).OrderBy(f => f.TenantId, StringComparer.Ordinal).ToArray();
        return (answers, tenants.Length, failures);
    }
}
