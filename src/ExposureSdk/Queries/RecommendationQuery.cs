namespace ExposureSdk.Queries;

/// <summary>
/// Filters, sorts and pages recommendations (domain rules §2: every field is filterable). Every filter
/// that is given must match (all-of); a list filter matches when the recommendation has any of its
/// values (any-of); an empty or <see langword="null"/> list does not filter.
/// </summary>
public sealed record RecommendationQuery
{
    /// <summary>The largest page size accepted: 1000.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Creates a query.</summary>
    /// <param name="states">Compliance states to keep.</param>
    /// <param name="impacts">Impacts to keep.</param>
    /// <param name="sources">Sources to keep (case-insensitive).</param>
    /// <param name="workloads">Workloads to keep (case-insensitive).</param>
    /// <param name="domains">Domains to keep.</param>
    /// <param name="initiativeId">Keep recommendations related to this initiative (directly or through its metrics).</param>
    /// <param name="metricId">Keep recommendations that are members of this metric.</param>
    /// <param name="text">Keep recommendations whose id, name or description contains this text (ordinal, case-insensitive).</param>
    /// <param name="sortBy">The sort field.</param>
    /// <param name="descending">Whether to sort in descending order.</param>
    /// <param name="pageNumber">The page, from 1.</param>
    /// <param name="pageSize">Items per page, 1 to <see cref="MaxPageSize"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageNumber"/> is below 1, <paramref name="pageSize"/> is outside 1–1000, or <paramref name="sortBy"/> is not defined.</exception>
    public RecommendationQuery(
        IEnumerable<ComplianceState>? states = null,
        IEnumerable<Impact>? impacts = null,
        IEnumerable<RecommendationSource>? sources = null,
        IEnumerable<Workload>? workloads = null,
        IEnumerable<SecurityDomain>? domains = null,
        InitiativeId? initiativeId = null,
        MetricId? metricId = null,
        string? text = null,
        RecommendationSortField sortBy = RecommendationSortField.Name,
        bool descending = false,
        int pageNumber = 1,
        int pageSize = 50)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        if (!Enum.IsDefined(sortBy))
        {
            throw new ArgumentOutOfRangeException(nameof(sortBy), sortBy, "Not a defined RecommendationSortField.");
        }

        States = states?.Distinct().ToArray() ?? [];
        Impacts = impacts?.Distinct().ToArray() ?? [];
        Sources = sources?.Distinct().ToArray() ?? [];
        Workloads = workloads?.Distinct().ToArray() ?? [];
        Domains = domains?.Distinct().ToArray() ?? [];
        InitiativeId = initiativeId;
        MetricId = metricId;
        Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        SortBy = sortBy;
        Descending = descending;
        PageNumber = pageNumber;
        PageSize = pageSize;
    }

    /// <summary>Compliance states to keep (empty: all).</summary>
    public IReadOnlyList<ComplianceState> States { get; }

    /// <summary>Impacts to keep (empty: all).</summary>
    public IReadOnlyList<Impact> Impacts { get; }

    /// <summary>Sources to keep (empty: all).</summary>
    public IReadOnlyList<RecommendationSource> Sources { get; }

    /// <summary>Workloads to keep (empty: all).</summary>
    public IReadOnlyList<Workload> Workloads { get; }

    /// <summary>Domains to keep (empty: all).</summary>
    public IReadOnlyList<SecurityDomain> Domains { get; }

    /// <summary>The related initiative to keep, if any.</summary>
    public InitiativeId? InitiativeId { get; }

    /// <summary>The metric whose members to keep, if any.</summary>
    public MetricId? MetricId { get; }

    /// <summary>The text to search in id, name and description, if any.</summary>
    public string? Text { get; }

    /// <summary>The sort field.</summary>
    public RecommendationSortField SortBy { get; }

    /// <summary>Whether to sort in descending order.</summary>
    public bool Descending { get; }

    /// <summary>The page, from 1.</summary>
    public int PageNumber { get; }

    /// <summary>Items per page.</summary>
    public int PageSize { get; }
}
