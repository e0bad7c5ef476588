using ExposureSdk.Providers.DefenderForCloud.Models;

namespace ExposureSdk.Providers.DefenderForCloud.Reading;

/// <summary>One way of reading the subscriptions' facts and assessments: Azure Resource Graph or the REST API.</summary>
internal interface IDefenderReadPath
{
    /// <summary>Reads the secure scores, controls (with their assessment metadata) and Defender plans of every subscription; a subscription that fails is recorded, not thrown.</summary>
    Task ReadFactsAsync(IReadOnlyList<SubscriptionFacts> subscriptions, CancellationToken cancellationToken);

    /// <summary>Streams the assessments of the readable subscriptions page by page; a subscription that fails before its first page is recorded.</summary>
    IAsyncEnumerable<IReadOnlyList<ArmResource<AssessmentProperties>>> ReadAssessmentsAsync(IReadOnlyList<SubscriptionFacts> subscriptions, CancellationToken cancellationToken);
}
