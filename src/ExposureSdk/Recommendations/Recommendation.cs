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
    /// <summary>Creates a recommendation.</summary>
    /// <param name="id">The recommendation's identifier, unique within a snapshot.</param>
    /// <param name="name">The display name.</param>
    /// <param name="source">The benchmark or product it came from.</param>
    /// <param name="workload">The workload it applies to.</param>
    /// <param name="domain">The security domain.</param>
    /// <param name="impact">The impact on exposure.</param>
    /// <param name="description">What the recommendation is about; empty or white-space text is absent (<see langword="null"/>).</param>
    /// <param name="remediationSteps">The steps that remediate it, in order.</param>
    /// <param name="manageUrl">The "Manage" link to the originating workload: an absolute http or https URI.</param>
    /// <param name="maxPoints">The source's own points (Secure Score style), never rescaled: any finite number of at least 0; <see langword="null"/> when the source gives none.</param>
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
    /// a text is too long or holds a lone surrogate (ill-formed UTF-16).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="impact"/> or <paramref name="state"/> is not a defined value, or
    /// <paramref name="maxPoints"/> is negative, NaN or infinite.
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
        Id = id;
        Name = name;
        Source = source;
        Workload = workload;
        Domain = domain;
        Impact = impact;
        Description = description;
        RemediationSteps = AsList(remediationSteps);
        ManageUrl = manageUrl;
        MaxPoints = maxPoints;
        State = state;
        IsRiskAccepted = isRiskAccepted;
        LastCalculated = lastCalculated;
        LastStateChange = lastStateChange;
        Threats = AsList(threats);
        Tags = AsList(tags);
        Counts = counts;
    }

    /// <summary>The recommendation's identifier, unique within a snapshot.</summary>
    /// <exception cref="ArgumentException">Set (in a <see langword="with"/> expression) to the default value.</exception>
    public RecommendationId Id
    {
        get;
        init => field = Guard.NotDefault(value, "A recommendation needs an identifier.", "id");
    }

    /// <summary>The display name.</summary>
    /// <exception cref="ArgumentException">Set to an empty or too long name, or one holding a lone surrogate.</exception>
    public string Name
    {
        get;
        init => field = Guard.Identifier(value, "name");
    }

    /// <summary>The benchmark or product it came from.</summary>
    /// <exception cref="ArgumentException">Set to the default value.</exception>
    public RecommendationSource Source
    {
        get;
        init => field = Guard.NotDefault(value, "A recommendation needs a source.", "source");
    }

    /// <summary>The workload it applies to.</summary>
    /// <exception cref="ArgumentException">Set to the default value.</exception>
    public Workload Workload
    {
        get;
        init => field = Guard.NotDefault(value, "A recommendation needs a workload.", "workload");
    }

    /// <summary>The security domain.</summary>
    /// <exception cref="ArgumentException">Set to the default value.</exception>
    public SecurityDomain Domain
    {
        get;
        init => field = Guard.NotDefault(value, "A recommendation needs a domain.", "domain");
    }

    /// <summary>The impact on exposure.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not defined.</exception>
    public Impact Impact
    {
        get;
        init => field = Guard.Defined(value, "impact");
    }

    /// <summary>What the recommendation is about.</summary>
    /// <exception cref="ArgumentException">Set to a text that is too long or holds a lone surrogate.</exception>
    public string? Description
    {
        get;
        init => field = Guard.OptionalNonBlankText(value, Guard.MaxTextLength, "description");
    }

    /// <summary>The steps that remediate it, in order (a copy of what was given).</summary>
    /// <exception cref="ArgumentException">Set to a list with an empty or too long step, or one holding a lone surrogate.</exception>
    public IReadOnlyList<string> RemediationSteps
    {
        get;
        init => field = CopySteps(value, "remediationSteps");
    }

    /// <summary>The "Manage" link to the originating workload.</summary>
    /// <exception cref="ArgumentException">Set to a link that is not an absolute http or https URI.</exception>
    public Uri? ManageUrl
    {
        get;
        init => field = Guard.HttpUri(value, "manageUrl");
    }

    /// <summary>
    /// The source's own points (Secure Score style), never rescaled (rules §3: a Graph control can be worth 20
    /// points, or a fractional number): any finite number of at least 0, or <see langword="null"/> when the
    /// source gives none. A max of 0 adds nothing to any points sum.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative, NaN or infinite value.</exception>
    public double? MaxPoints
    {
        get;
        init => field = Guard.Between0And(value, double.MaxValue, "Max points must be a finite number of at least 0 (the source's own points).", "maxPoints");
    }

    /// <summary>The compliance state the source states explicitly, or <see langword="null"/> to derive it from the results.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not defined.</exception>
    public ComplianceState? State
    {
        get;
        init => field = value is { } s ? Guard.Defined(s, "state") : null;
    }

    /// <summary>Whether the organization accepted the risk (for example a Secure Score control in state <c>Ignored</c>).</summary>
    public bool IsRiskAccepted { get; init; }

    /// <summary>When the source last calculated the recommendation, in UTC.</summary>
    public DateTimeOffset? LastCalculated
    {
        get;
        init => field = Guard.Utc(value);
    }

    /// <summary>When its compliance state last changed, in UTC.</summary>
    public DateTimeOffset? LastStateChange
    {
        get;
        init => field = Guard.Utc(value);
    }

    /// <summary>The threats it mitigates (a copy of what was given, without repeats).</summary>
    /// <exception cref="ArgumentException">Set to a list with an empty or too long item, or one holding a lone surrogate.</exception>
    public IReadOnlyList<string> Threats
    {
        get;
        init => field = Guard.Strings(value, "threats");
    }

    /// <summary>Free-form tags (a copy of what was given, without repeats).</summary>
    /// <exception cref="ArgumentException">Set to a list with an empty or too long item, or one holding a lone surrogate.</exception>
    public IReadOnlyList<string> Tags
    {
        get;
        init => field = Guard.Strings(value, "tags");
    }

    /// <summary>The count-only result, for sources that report counts rather than per-asset results.</summary>
    public ResultCounts? Counts { get; init; }

    /// <summary>
    /// Structural equality: every property is equal, and the lists (<see cref="RemediationSteps"/>,
    /// <see cref="Threats"/>, <see cref="Tags"/>) hold equal items in the same order.
    /// </summary>
    /// <param name="other">The other recommendation.</param>
    /// <returns>Whether the two are equal.</returns>
    public bool Equals(Recommendation? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Id == other.Id
            && string.Equals(Name, other.Name, StringComparison.Ordinal)
            && Source == other.Source
            && Workload == other.Workload
            && Domain == other.Domain
            && Impact == other.Impact
            && string.Equals(Description, other.Description, StringComparison.Ordinal)
            && ListEquality.Equal(RemediationSteps, other.RemediationSteps)
            && Equals(ManageUrl, other.ManageUrl)
            && Nullable.Equals(MaxPoints, other.MaxPoints)
            && State == other.State
            && IsRiskAccepted == other.IsRiskAccepted
            && LastCalculated == other.LastCalculated
            && LastStateChange == other.LastStateChange
            && ListEquality.Equal(Threats, other.Threats)
            && ListEquality.Equal(Tags, other.Tags)
            && Counts == other.Counts);

    /// <summary>A hash code consistent with <see cref="Equals(Recommendation)"/> (list items included).</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id);
        hash.Add(Name, StringComparer.Ordinal);
        hash.Add(Source);
        hash.Add(Workload);
        hash.Add(Domain);
        hash.Add(Impact);
        hash.Add(Description, StringComparer.Ordinal);
        ListEquality.AddTo(ref hash, RemediationSteps);
        hash.Add(ManageUrl);
        hash.Add(MaxPoints);
        hash.Add(State);
        hash.Add(IsRiskAccepted);
        hash.Add(LastCalculated);
        hash.Add(LastStateChange);
        ListEquality.AddTo(ref hash, Threats);
        ListEquality.AddTo(ref hash, Tags);
        hash.Add(Counts);
        return hash.ToHashCode();
    }

    /// <summary>The items as a list for an init accessor, which validates and copies them (once).</summary>
    private static IReadOnlyList<string> AsList(IEnumerable<string>? items) => items as IReadOnlyList<string> ?? [.. items ?? []];

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
