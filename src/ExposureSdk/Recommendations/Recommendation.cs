using ExposureSdk.Internal;

namespace ExposureSdk;

/// <summary>
/// A security control from a source (Microsoft Secure Score, Defender for Cloud, a CIS benchmark, a
/// partner's provider), assessed per asset or as counts (domain rules §1–2).
/// </summary>
/// <remarks>
/// The organization-wide <see cref="ComplianceState"/> is derived by the scoring engine from the
/// recommendation's results, unless <see cref="State"/> states it explicitly: an explicit
/// <see cref="ComplianceState.MitigatedByOrganization"/> or <see cref="IsRiskAccepted"/> wins over the
/// derived state.
/// </remarks>
public sealed record Recommendation
{
    /// <summary>The most points a recommendation can carry (the Secure Score rule).</summary>
    public const double MaxPointsLimit = 10;

    /// <summary>Creates a recommendation.</summary>
    /// <param name="id">The recommendation's identifier, unique within a snapshot.</param>
    /// <param name="name">The display name.</param>
    /// <param name="source">The benchmark or product it came from.</param>
    /// <param name="workload">The workload it applies to.</param>
    /// <param name="domain">The security domain.</param>
    /// <param name="impact">The impact on exposure.</param>
    /// <param name="description">What the recommendation is about.</param>
    /// <param name="remediationSteps">The steps that remediate it, in order.</param>
    /// <param name="manageUrl">The "Manage" link to the originating workload: an absolute http or https URI.</param>
    /// <param name="maxPoints">Secure Score style points, 0 to 10; <see langword="null"/> when the source gives none.</param>
    /// <param name="state">The compliance state the source states explicitly, if any.</param>
    /// <param name="isRiskAccepted">Whether the organization accepted the risk: excluded from point totals.</param>
    /// <param name="lastCalculated">When the source last calculated the recommendation.</param>
    /// <param name="lastStateChange">When its compliance state last changed.</param>
    /// <param name="threats">The threats it mitigates (for example <c>accountBreach</c>).</param>
    /// <param name="tags">Free-form tags (for example a CIS control number).</param>
    /// <param name="counts">A count-only result, for sources that report counts rather than per-asset results.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// An identifier, the name, the source, the workload or the domain is empty or the default value;
    /// <paramref name="manageUrl"/> is not an absolute http or https URI; a list contains an empty item;
    /// a text is too long.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="impact"/> or <paramref name="state"/> is not a defined value, or
    /// <paramref name="maxPoints"/> is not between 0 and 10.
    /// </exception>
    public Recommendation(
        RecommendationId id,
        string name,
        RecommendationSource source,
        Workload workload,
        SecurityDomain domain,
        Impact impact,
        string? description = null,
        IEnumerable<string>? remediationSteps = null,
        Uri? manageUrl = null,
        double? maxPoints = null,
        ComplianceState? state = null,
        bool isRiskAccepted = false,
        DateTimeOffset? lastCalculated = null,
        DateTimeOffset? lastStateChange = null,
        IEnumerable<string>? threats = null,
        IEnumerable<string>? tags = null,
        ResultCounts? counts = null)
    {
        if (id == default)
        {
            throw new ArgumentException("A recommendation needs an identifier.", nameof(id));
        }

        if (source == default)
        {
            throw new ArgumentException("A recommendation needs a source.", nameof(source));
        }

        if (workload == default)
        {
            throw new ArgumentException("A recommendation needs a workload.", nameof(workload));
        }

        if (domain == default)
        {
            throw new ArgumentException("A recommendation needs a domain.", nameof(domain));
        }

        if (manageUrl is not null && !(manageUrl.IsAbsoluteUri && (manageUrl.Scheme == Uri.UriSchemeHttps || manageUrl.Scheme == Uri.UriSchemeHttp)))
        {
            throw new ArgumentException($"The manage link must be an absolute http or https URI; got '{manageUrl.OriginalString}'.", nameof(manageUrl));
        }

        if (maxPoints is { } points && (double.IsNaN(points) || points < 0 || points > MaxPointsLimit))
        {
            throw new ArgumentOutOfRangeException(nameof(maxPoints), maxPoints, $"Max points must be between 0 and {MaxPointsLimit} (the Secure Score rule).");
        }

        Id = id;
        Name = Guard.Identifier(name);
        Source = source;
        Workload = workload;
        Domain = domain;
        Impact = Guard.Defined(impact);
        Description = Guard.OptionalText(description, Guard.MaxTextLength);
        RemediationSteps = CopySteps(remediationSteps, nameof(remediationSteps));
        ManageUrl = manageUrl;
        MaxPoints = maxPoints;
        State = state is { } s ? Guard.Defined(s, nameof(state)) : null;
        IsRiskAccepted = isRiskAccepted;
        LastCalculated = Guard.Utc(lastCalculated);
        LastStateChange = Guard.Utc(lastStateChange);
        Threats = Guard.Strings(threats);
        Tags = Guard.Strings(tags);
        Counts = counts;
    }

    /// <summary>The recommendation's identifier, unique within a snapshot.</summary>
    public RecommendationId Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The benchmark or product it came from.</summary>
    public RecommendationSource Source { get; }

    /// <summary>The workload it applies to.</summary>
    public Workload Workload { get; }

    /// <summary>The security domain.</summary>
    public SecurityDomain Domain { get; }

    /// <summary>The impact on exposure.</summary>
    public Impact Impact { get; }

    /// <summary>What the recommendation is about.</summary>
    public string? Description { get; }

    /// <summary>The steps that remediate it, in order.</summary>
    public IReadOnlyList<string> RemediationSteps { get; }

    /// <summary>The "Manage" link to the originating workload.</summary>
    public Uri? ManageUrl { get; }

    /// <summary>Secure Score style points (0 to 10), or <see langword="null"/> when the source gives none.</summary>
    public double? MaxPoints { get; }

    /// <summary>The compliance state the source states explicitly, or <see langword="null"/> to derive it from the results.</summary>
    public ComplianceState? State { get; }

    /// <summary>Whether the organization accepted the risk (for example a Secure Score control in state <c>Ignored</c>).</summary>
    public bool IsRiskAccepted { get; }

    /// <summary>When the source last calculated the recommendation, in UTC.</summary>
    public DateTimeOffset? LastCalculated { get; }

    /// <summary>When its compliance state last changed, in UTC.</summary>
    public DateTimeOffset? LastStateChange { get; }

    /// <summary>The threats it mitigates.</summary>
    public IReadOnlyList<string> Threats { get; }

    /// <summary>Free-form tags.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The count-only result, for sources that report counts rather than per-asset results.</summary>
    public ResultCounts? Counts { get; }

    private static System.Collections.ObjectModel.ReadOnlyCollection<string> CopySteps(IEnumerable<string>? steps, string paramName)
    {
        var list = new List<string>();
        foreach (var step in steps ?? [])
        {
            if (string.IsNullOrWhiteSpace(step))
            {
                throw new ArgumentException("Remediation steps must not be null, empty or white space.", paramName);
            }

            list.Add(Guard.OptionalText(step, Guard.MaxTextLength, paramName)!);
        }

        return list.AsReadOnly();
    }
}
