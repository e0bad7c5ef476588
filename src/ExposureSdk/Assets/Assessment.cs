namespace ExposureSdk;

/// <summary>The result of assessing one asset against one recommendation.</summary>
/// <param name="RecommendationId">The recommendation assessed.</param>
/// <param name="AssetId">The asset assessed.</param>
/// <param name="Status">The result.</param>
public readonly record struct Assessment(RecommendationId RecommendationId, AssetId AssetId, AssessmentStatus Status);
