namespace ExposureSdk.Orleans.Views;

// The grain contract: what a dashboard asks a tenant grain and gets back, serialized by Orleans' generated
// serializers. These classes belong to this package: the core's model is never annotated for Orleans.

/// <summary>A recommendation with its results.</summary>
[GenerateSerializer, Immutable]
public sealed class RecommendationView
{
    /// <summary>Creates the message.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="name">Its name.</param>
    /// <param name="source">The source it came from.</param>
    /// <param name="workload">Its workload.</param>
    /// <param name="domain">Its domain.</param>
    /// <param name="impact">Its impact.</param>
    /// <param name="state">Its compliance state.</param>
    /// <param name="healthy">Healthy results.</param>
    /// <param name="unhealthy">Unhealthy results (affected assets).</param>
    /// <param name="achievedPoints">Points achieved.</param>
    /// <param name="maxPoints">Points possible.</param>
    /// <param name="isRiskAccepted">Whether the organization accepted the risk.</param>
    /// <param name="metricIds">The metrics it belongs to.</param>
    /// <param name="initiativeIds">The initiatives it reaches.</param>
    public RecommendationView(string id, string name, string source, string workload, string domain, Impact impact, ComplianceState state, long healthy, long unhealthy, double achievedPoints, double maxPoints, bool isRiskAccepted, IReadOnlyList<string> metricIds, IReadOnlyList<string> initiativeIds)
    {
        Id = id;
        Name = name;
        Source = source;
        Workload = workload;
        Domain = domain;
        Impact = impact;
        State = state;
        Healthy = healthy;
        Unhealthy = unhealthy;
        AchievedPoints = achievedPoints;
        MaxPoints = maxPoints;
        IsRiskAccepted = isRiskAccepted;
        MetricIds = metricIds;
        InitiativeIds = initiativeIds;
    }

    /// <summary>Its id.</summary>
    [Id(0)]
    public string Id { get; }

    /// <summary>Its name.</summary>
    [Id(1)]
    public string Name { get; }

    /// <summary>The source it came from.</summary>
    [Id(2)]
    public string Source { get; }

    /// <summary>Its workload.</summary>
    [Id(3)]
    public string Workload { get; }

    /// <summary>Its domain.</summary>
    [Id(4)]
    public string Domain { get; }

    /// <summary>Its impact.</summary>
    [Id(5)]
    public Impact Impact { get; }

    /// <summary>Its compliance state.</summary>
    [Id(6)]
    public ComplianceState State { get; }

    /// <summary>Healthy results.</summary>
    [Id(7)]
    public long Healthy { get; }

    /// <summary>Unhealthy results (affected assets).</summary>
    [Id(8)]
    public long Unhealthy { get; }

    /// <summary>Points achieved.</summary>
    [Id(9)]
    public double AchievedPoints { get; }

    /// <summary>Points possible.</summary>
    [Id(10)]
    public double MaxPoints { get; }

    /// <summary>Whether the organization accepted the risk.</summary>
    [Id(11)]
    public bool IsRiskAccepted { get; }

    /// <summary>The metrics it belongs to.</summary>
    [Id(12)]
    public IReadOnlyList<string> MetricIds { get; }

    /// <summary>The initiatives it reaches.</summary>
    [Id(13)]
    public IReadOnlyList<string> InitiativeIds { get; }
}

/// <summary>A page of recommendations.</summary>
[GenerateSerializer, Immutable]
public sealed class RecommendationPageView
{
    /// <summary>Creates the message.</summary>
    /// <param name="items">The page's items.</param>
    /// <param name="pageNumber">The page, from 1.</param>
    /// <param name="pageSize">Items per page.</param>
    /// <param name="totalCount">Items matching the filter on every page.</param>
    public RecommendationPageView(IReadOnlyList<RecommendationView> items, int pageNumber, int pageSize, int totalCount)
    {
        Items = items;
        PageNumber = pageNumber;
        PageSize = pageSize;
        TotalCount = totalCount;
    }

    /// <summary>The page's items.</summary>
    [Id(0)]
    public IReadOnlyList<RecommendationView> Items { get; }

    /// <summary>The page, from 1.</summary>
    [Id(1)]
    public int PageNumber { get; }

    /// <summary>Items per page.</summary>
    [Id(2)]
    public int PageSize { get; }

    /// <summary>Items matching the filter on every page.</summary>
    [Id(3)]
    public int TotalCount { get; }
}

/// <summary>
/// A recommendation query sent to a tenant grain (the core's <c>RecommendationQuery</c> as a message): every
/// list is a filter (empty: all), matched case-insensitively by name for sources, workloads and domains.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class RecommendationFilter
{
    /// <summary>Creates the message.</summary>
    /// <param name="states">Compliance states to keep.</param>
    /// <param name="impacts">Impacts to keep.</param>
    /// <param name="sources">Source names to keep.</param>
    /// <param name="workloads">Workload names to keep.</param>
    /// <param name="domains">Domain names to keep.</param>
    /// <param name="initiativeId">Keep the recommendations of this initiative.</param>
    /// <param name="metricId">Keep the members of this metric.</param>
    /// <param name="text">Keep those whose id, name or description contains this text.</param>
    /// <param name="sortBy">The sort field.</param>
    /// <param name="descending">Whether to sort in descending order.</param>
    /// <param name="pageNumber">The page, from 1.</param>
    /// <param name="pageSize">Items per page, 1 to 1,000.</param>
    public RecommendationFilter(IReadOnlyList<ComplianceState>? states = null, IReadOnlyList<Impact>? impacts = null, IReadOnlyList<string>? sources = null, IReadOnlyList<string>? workloads = null, IReadOnlyList<string>? domains = null, string? initiativeId = null, string? metricId = null, string? text = null, Queries.RecommendationSortField sortBy = Queries.RecommendationSortField.Name, bool descending = false, int pageNumber = 1, int pageSize = 50)
    {
        States = states;
        Impacts = impacts;
        Sources = sources;
        Workloads = workloads;
        Domains = domains;
        InitiativeId = initiativeId;
        MetricId = metricId;
        Text = text;
        SortBy = sortBy;
        Descending = descending;
        PageNumber = pageNumber;
        PageSize = pageSize;
    }

    /// <summary>Compliance states to keep.</summary>
    [Id(0)]
    public IReadOnlyList<ComplianceState>? States { get; }

    /// <summary>Impacts to keep.</summary>
    [Id(1)]
    public IReadOnlyList<Impact>? Impacts { get; }

    /// <summary>Source names to keep.</summary>
    [Id(2)]
    public IReadOnlyList<string>? Sources { get; }

    /// <summary>Workload names to keep.</summary>
    [Id(3)]
    public IReadOnlyList<string>? Workloads { get; }

    /// <summary>Domain names to keep.</summary>
    [Id(4)]
    public IReadOnlyList<string>? Domains { get; }

    /// <summary>Keep the recommendations of this initiative.</summary>
    [Id(5)]
    public string? InitiativeId { get; }

    /// <summary>Keep the members of this metric.</summary>
    [Id(6)]
    public string? MetricId { get; }

    /// <summary>Keep those whose id, name or description contains this text.</summary>
    [Id(7)]
    public string? Text { get; }

    /// <summary>The sort field.</summary>
    [Id(8)]
    public Queries.RecommendationSortField SortBy { get; }

    /// <summary>Whether to sort in descending order.</summary>
    [Id(9)]
    public bool Descending { get; }

    /// <summary>The page, from 1.</summary>
    [Id(10)]
    public int PageNumber { get; }

    /// <summary>Items per page, 1 to 1,000.</summary>
    [Id(11)]
    public int PageSize { get; }
}
