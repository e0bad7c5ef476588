namespace ExposureSdk.Providers.DefenderForCloud;

/// <summary>
/// The assets and assessments mapped from one page of assessments, handed to the caller of
/// <see cref="DefenderForCloudProvider.ReadAsync"/> as the page arrives. An asset appears in the first page
/// that mentions it only.
/// </summary>
public sealed class DefenderForCloudPage
{
    internal DefenderForCloudPage(IReadOnlyList<Asset> assets, IReadOnlyList<Assessment> assessments)
    {
        Assets = assets;
        Assessments = assessments;
    }

    /// <summary>The assets first seen on this page: id = the lower-cased ARM resource id, kind = its resource type.</summary>
    public IReadOnlyList<Asset> Assets { get; }

    /// <summary>The page's assessments: one per (assessment metadata, resource), Healthy, Unhealthy or NotApplicable.</summary>
    public IReadOnlyList<Assessment> Assessments { get; }
}
