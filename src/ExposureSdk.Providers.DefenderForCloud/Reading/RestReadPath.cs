using System.Runtime.CompilerServices;
using ExposureSdk.Providers.DefenderForCloud.Models;
using ExposureSdk.Providers.DefenderForCloud.Requests;
using ExposureSdk.Providers.DefenderForCloud.Transport;
using Microsoft.Kiota.Abstractions;

namespace ExposureSdk.Providers.DefenderForCloud.Reading;

/// <summary>
/// Reads subscription by subscription through the Microsoft.Security REST API: <c>secureScores</c>,
/// <c>secureScoreControls?$expand=definition</c> and <c>pricings</c> (at most
/// <see cref="ArmSettings.MaxConcurrency"/> subscriptions at once), then <c>assessments</c> (<c>nextLink</c>
/// paging), one subscription after another.
/// </summary>
internal sealed class RestReadPath(ArmRequestExecutor executor, IRequestAdapter adapter, ArmSettings settings) : IDefenderReadPath
{
    public async Task ReadFactsAsync(IReadOnlyList<SubscriptionFacts> subscriptions, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(subscriptions.Where(s => s.Failure is null), options, async (facts, ct) =>
        {
            try
            {
                await ReadFactsAsync(facts, ct).ConfigureAwait(false);
            }
            catch (ExposureSourceException ex) when (DefenderReader.IsSubscriptionFault(ex))
            {
                facts.Failure = ex;
            }
        }).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<IReadOnlyList<ArmResource<AssessmentProperties>>> ReadAssessmentsAsync(
        IReadOnlyList<SubscriptionFacts> subscriptions,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var facts in subscriptions)
        {
            if (facts.Failure is not null)
            {
                continue;
            }

            var builder = ArmRequests.Assessments(adapter, settings.BaseUrlText, facts.SubscriptionId);
            var pages = executor.ReadPagesAsync<ArmResource<AssessmentProperties>>(
                $"assessments of subscription {facts.SubscriptionId}",
                builder.ToGetRequestInformation().URI,
                (url, o, ct) => builder.WithUrl(url).GetAsync(o, ct),
                cancellationToken);
            var delivered = false;
            var enumerator = pages.GetAsyncEnumerator(cancellationToken);
            await using (enumerator.ConfigureAwait(false))
            {
                while (true)
                {
                    try
                    {
                        if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                    catch (ExposureSourceException ex) when (!delivered && DefenderReader.IsSubscriptionFault(ex))
                    {
                        // Nothing of this subscription was delivered yet: it fails alone.
                        facts.Failure = ex;
                        break;
                    }

                    delivered = true;
                    yield return enumerator.Current.Value;
                }
            }
        }
    }

    private async Task ReadFactsAsync(SubscriptionFacts facts, CancellationToken cancellationToken)
    {
        var id = facts.SubscriptionId;
        var scores = ArmRequests.SecureScores(adapter, settings.BaseUrlText, id);
        await foreach (var page in executor.ReadPagesAsync<ArmResource<SecureScoreProperties>>($"secureScores of subscription {id}", scores.ToGetRequestInformation().URI, (url, o, ct) => scores.WithUrl(url).GetAsync(o, ct), cancellationToken).ConfigureAwait(false))
        {
            foreach (var score in page.Value)
            {
                if (string.Equals(DefenderReader.NameOf(score), DefenderReader.AscScoreName, StringComparison.Ordinal))
                {
                    facts.AscScore = score.Properties?.Score;
                }
            }
        }

        var controls = ArmRequests.SecureScoreControls(adapter, settings.BaseUrlText, id);
        await foreach (var page in executor.ReadPagesAsync<ArmResource<SecureScoreControlProperties>>($"secureScoreControls of subscription {id}", controls.ToGetRequestInformation().URI, (url, o, ct) => controls.WithUrl(url).GetAsync(o, ct), cancellationToken).ConfigureAwait(false))
        {
            foreach (var control in page.Value)
            {
                if (DefenderReader.NameOf(control) is { } name)
                {
                    facts.Controls[name] = control;
                }
            }
        }

        var pricings = ArmRequests.Pricings(adapter, settings.BaseUrlText, id);
        await foreach (var page in executor.ReadPagesAsync<ArmResource<PricingProperties>>($"pricings of subscription {id}", pricings.ToGetRequestInformation().URI, (url, o, ct) => pricings.WithUrl(url).GetAsync(o, ct), cancellationToken).ConfigureAwait(false))
        {
            foreach (var pricing in page.Value)
            {
                if (string.Equals(DefenderReader.NameOf(pricing), DefenderReader.CloudPosturePlan, StringComparison.Ordinal))
                {
                    facts.CloudPostureTier = pricing.Properties?.PricingTier;
                }
            }
        }

        facts.PricingsRead = true;
    }
}
