using System.Collections.ObjectModel;

namespace ExposureSdk.Scoring;

/// <summary>One asset's result on one recommendation, to be remediated in a what-if scenario.</summary>
public readonly record struct AssetRemediation
{
    /// <summary>Creates a target.</summary>
    /// <param name="recommendationId">The recommendation.</param>
    /// <param name="assetId">The asset.</param>
    /// <exception cref="ArgumentException">An id is the default value.</exception>
    public AssetRemediation(RecommendationId recommendationId, AssetId assetId)
    {
        if (recommendationId == default || assetId == default)
        {
            throw new ArgumentException("A remediated asset needs a recommendation id and an asset id.", recommendationId == default ? nameof(recommendationId) : nameof(assetId));
        }

        RecommendationId = recommendationId;
        AssetId = assetId;
    }

    /// <summary>The recommendation.</summary>
    public RecommendationId RecommendationId { get; }

    /// <summary>The asset.</summary>
    public AssetId AssetId { get; }
}

/// <summary>
/// A what-if scenario: the recommendations, and the assets on given recommendations, assumed remediated.
/// </summary>
/// <remarks>
/// Remediating a recommendation turns every unhealthy result healthy, turns a count-only result into
/// 0 affected of the same total, and drops an explicit state other than MitigatedByOrganization so that
/// the state is derived. Remediating an asset on a recommendation turns that unhealthy result healthy
/// (count-only results have no assets and are left unchanged). Not-applicable results stay not
/// applicable, so scopes, availability and point maxima never change and no score can go down.
/// </remarks>
public sealed class RemediationScenario
{
    /// <summary>Creates a scenario.</summary>
    /// <param name="recommendations">Recommendations remediated on every asset.</param>
    /// <param name="assets">Assets remediated on given recommendations.</param>
    /// <exception cref="ArgumentException">An id is the default value.</exception>
    public RemediationScenario(IEnumerable<RecommendationId>? recommendations = null, IEnumerable<AssetRemediation>? assets = null)
    {
        var recs = (recommendations ?? []).Distinct().ToArray();
        if (recs.Any(r => r == default))
        {
            throw new ArgumentException("A remediated recommendation id must not be the default value.", nameof(recommendations));
        }

        var targets = (assets ?? []).Distinct().ToArray();

        // Only the default value lacks its ids: the constructor checks both.
        if (targets.Any(a => a == default))
        {
            throw new ArgumentException("A remediated asset needs a recommendation id and an asset id.", nameof(assets));
        }

        Recommendations = new ReadOnlyCollection<RecommendationId>(recs);
        Assets = new ReadOnlyCollection<AssetRemediation>(targets);
    }

    /// <summary>Recommendations remediated on every asset.</summary>
    public IReadOnlyList<RecommendationId> Recommendations { get; }

    /// <summary>Assets remediated on given recommendations.</summary>
    public IReadOnlyList<AssetRemediation> Assets { get; }
}
