using ExposureSdk.Orleans.Views;

namespace ExposureSdk.Orleans.Portfolio;

/// <summary>
/// Questions across tenants, answered by asking every tenant grain (fan-out) and merging the answers (fan-in),
/// at most <c>ExposureGrainOptions.PortfolioMaxConcurrency</c> tenants at a time, each within
/// <c>ExposureGrainOptions.PortfolioTenantTimeout</c>. A tenant that cannot answer is listed in
/// <see cref="PortfolioResult{T}.Failures"/> and never fails the query. A stateless worker: use key 0.
/// </summary>
/// <remarks>
/// Every method asks the tenants the host's <c>IExposureTenantFactory.GetTenantIdsAsync</c> lists, or
/// the <c>tenantIds</c> argument when given. Scores come from each tenant's summary (its held dataset, else its
/// latest stored card), so a portfolio query never makes a tenant refresh.
/// </remarks>
public interface IExposurePortfolioGrain : IGrainWithIntegerKey
{
    /// <summary>The worst initiatives across tenants: available scores, lowest first (ties by tenant, then initiative id).</summary>
    /// <param name="count">How many, 1 to 10,000.</param>
    /// <param name="tenantIds">The tenants to ask; <see langword="null"/> for all.</param>
    /// <returns>The initiatives.</returns>
    Task<PortfolioResult<PortfolioInitiativeView>> GetWorstInitiativesAsync(int count, IReadOnlyList<string>? tenantIds = null);

    /// <summary>Every stored event of the past <paramref name="days"/> days, by each tenant's clock, oldest first (ties by tenant).</summary>
    /// <param name="days">The window, 1 to 3,650 days.</param>
    /// <param name="tenantIds">The tenants to ask; <see langword="null"/> for all.</param>
    /// <returns>The events.</returns>
    Task<PortfolioResult<SecurityEventView>> GetRecentEventsAsync(int days, IReadOnlyList<string>? tenantIds = null);

    /// <summary>The tenants with at least one available initiative scored below its target, the largest gap first.</summary>
    /// <param name="tenantIds">The tenants to ask; <see langword="null"/> for all.</param>
    /// <returns>The tenants.</returns>
    Task<PortfolioResult<TenantBelowTargetView>> GetTenantsBelowTargetAsync(IReadOnlyList<string>? tenantIds = null);

    /// <summary>Activates every tenant grain with its schedule (timer, and reminder when configured).</summary>
    /// <param name="tenantIds">The tenants to start; <see langword="null"/> for all.</param>
    /// <returns>The tenants started.</returns>
    Task<PortfolioResult<string>> StartTenantsAsync(IReadOnlyList<string>? tenantIds = null);
}
