namespace ExposureSdk;

/// <summary>The result of assessing one asset against one recommendation.</summary>
/// <remarks>
/// A value with get-only properties: the constructor checks its arguments. The default value (no
/// identifiers) is not a valid assessment; <see cref="ExposureSnapshot"/> rejects it.
/// </remarks>
public readonly record struct Assessment
{
    /// <summary>Creates an assessment.</summary>
    /// <param name="recommendationId">The recommendation assessed.</param>
    /// <param name="assetId">The asset assessed.</param>
    /// <param name="status">The result.</param>
    /// <exception cref="ArgumentException"><paramref name="recommendationId"/> or <paramref name="assetId"/> is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    public Assessment(RecommendationId recommendationId, AssetId assetId, AssessmentStatus status)
    {
        if (recommendationId == default)
        {
            throw new ArgumentException("An assessment needs a recommendation identifier.", nameof(recommendationId));
        }

        if (assetId == default)
        {
            throw new ArgumentException("An assessment needs an asset identifier.", nameof(assetId));
        }

        RecommendationId = recommendationId;
        AssetId = assetId;
        Status = Internal.Guard.Defined(status);
    }

    /// <summary>The recommendation assessed.</summary>
    public RecommendationId RecommendationId { get; }

    /// <summary>The asset assessed.</summary>
    public AssetId AssetId { get; }

    /// <summary>The result.</summary>
    public AssessmentStatus Status { get; }

    /// <summary>Deconstructs the assessment into its parts.</summary>
    /// <param name="recommendationId">The recommendation assessed.</param>
    /// <param name="assetId">The asset assessed.</param>
    /// <param name="status">The result.</param>
    public void Deconstruct(out RecommendationId recommendationId, out AssetId assetId, out AssessmentStatus status)
    {
        recommendationId = RecommendationId;
        assetId = AssetId;
        status = Status;
    }
}
