namespace ExposureSdk.Tests.Support;

/// <summary>Small, readable records for runtime tests.</summary>
internal static class SampleData
{
    public static Recommendation Recommendation(string id, Impact impact = Impact.High, SecurityDomain? domain = null, string? workload = null, string? source = null, double? maxPoints = 10)
        => new(id, "Name of " + id, source ?? RecommendationSource.MicrosoftSecureScore, workload ?? Workload.MicrosoftEntraId, domain ?? SecurityDomain.Identity, impact, maxPoints: maxPoints);

    public static IEnumerable<Assessment> Results(string recommendationId, int healthy, int unhealthy, string assetPrefix = "asset")
    {
        for (var i = 0; i < healthy; i++)
        {
            yield return new Assessment(recommendationId, $"{assetPrefix}-{i:D3}", AssessmentStatus.Healthy);
        }

        for (var i = 0; i < unhealthy; i++)
        {
            yield return new Assessment(recommendationId, $"{assetPrefix}-{healthy + i:D3}", AssessmentStatus.Unhealthy);
        }
    }
}
