namespace ExposureSdk.Providers.Scanners;

/// <summary>One record of a scanner's output, mapped: the check it ran, the resources it ran on and the result.</summary>
/// <remarks>A reader fills one instance per record; the accumulator copies what it keeps.</remarks>
internal sealed class ScanFinding
{
    public string CheckId { get; set; } = string.Empty;

    public string? Title { get; set; }

    public string? Description { get; set; }

    public List<string> RemediationSteps { get; } = [];

    public Impact Impact { get; set; } = Impact.Medium;

    public RecommendationSource Source { get; set; }

    public Workload Workload { get; set; }

    public SecurityDomain Domain { get; set; }

    public List<string> Tags { get; } = [];

    public List<string> Threats { get; } = [];

    public List<ScanResource> Resources { get; } = [];

    public AssessmentStatus Status { get; set; }

    public bool Muted { get; set; }

    public DateTimeOffset? Time { get; set; }

    public void Clear()
    {
        CheckId = string.Empty;
        Title = null;
        Description = null;
        RemediationSteps.Clear();
        Impact = Impact.Medium;
        Source = default;
        Workload = default;
        Domain = default;
        Tags.Clear();
        Threats.Clear();
        Resources.Clear();
        Status = AssessmentStatus.NotApplicable;
        Muted = false;
        Time = null;
    }
}

/// <summary>A resource a finding ran on: the asset it becomes.</summary>
internal readonly record struct ScanResource(string Uid, AssetKind Kind, string? Name, string[] Tags);
