using System.Runtime.CompilerServices;
using ExposureSdk.Providers.DefenderForCloud.Models;
using ExposureSdk.Providers.DefenderForCloud.Requests;
using ExposureSdk.Providers.DefenderForCloud.Transport;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.DefenderForCloud.Reading;

/// <summary>
/// Reads the tenant through Azure Resource Graph: the <c>securityresources</c> table, the subscriptions in
/// batches of <see cref="ArmSettings.SubscriptionBatchSize"/>, <see cref="ArmSettings.PageSize"/> rows a page,
/// <c>$skipToken</c> paging. The control definitions (which assessments make up each control) come once
/// from <c>GET /providers/Microsoft.Security/secureScoreControlDefinitions</c>, since the control rows do
/// not carry them. Resource Graph answers for the whole tenant, so its failures fail the read.
/// </summary>
internal sealed class ResourceGraphReadPath(ArmRequestExecutor executor, IRequestAdapter adapter, ArmSettings settings) : IDefenderReadPath
{
    internal const string AssessmentsQuery = "securityresources | where type =~ 'microsoft.security/assessments' | project id, name, type, subscriptionId, properties";
    internal const string SecureScoresQuery = "securityresources | where type =~ 'microsoft.security/securescores' | project id, name, type, subscriptionId, properties";
    internal const string ControlsQuery = "securityresources | where type =~ 'microsoft.security/securescores/securescorecontrols' | project id, name, type, subscriptionId, properties";
    internal const string PricingsQuery = "securityresources | where type =~ 'microsoft.security/pricings' | project id, name, type, subscriptionId, properties";

    public async Task ReadFactsAsync(IReadOnlyList<SubscriptionFacts> subscriptions, CancellationToken cancellationToken)
    {
        var definitions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var builder = ArmRequests.ControlDefinitions(adapter, settings.BaseUrlText);
        await foreach (var page in executor.ReadPagesAsync<ArmResource<SecureScoreControlProperties>>("secureScoreControlDefinitions", builder.ToGetRequestInformation().URI, (url, o, ct) => builder.WithUrl(url).GetAsync(o, ct), cancellationToken).ConfigureAwait(false))
        {
            foreach (var definition in page.Value)
            {
                if (DefenderReader.NameOf(definition) is { } name && definition.Properties is { } p)
                {
                    definitions[name] = p.AssessmentNames;
                }
            }
        }

        var byId = subscriptions.Where(s => s.Failure is null).ToDictionary(s => s.SubscriptionId, StringComparer.Ordinal);
        foreach (var batch in byId.Keys.Chunk(settings.SubscriptionBatchSize))
        {
            await foreach (var row in RowsAsync("secureScores", SecureScoresQuery, batch, ArmResource<SecureScoreProperties>.Factory(SecureScoreProperties.Create), cancellationToken).ConfigureAwait(false))
            {
                if (Owner(row.SubscriptionId, row.Id, byId) is { } facts && string.Equals(DefenderReader.NameOf(row), DefenderReader.AscScoreName, StringComparison.Ordinal))
                {
                    facts.AscScore = row.Properties?.Score;
                }
            }

            await foreach (var row in RowsAsync("secureScoreControls", ControlsQuery, batch, ArmResource<SecureScoreControlProperties>.Factory(SecureScoreControlProperties.Create), cancellationToken).ConfigureAwait(false))
            {
                if (Owner(row.SubscriptionId, row.Id, byId) is { } facts && DefenderReader.NameOf(row) is { } name)
                {
                    if (row.Properties is { HasDefinition: false } p && definitions.TryGetValue(name, out var assessments))
                    {
                        p.AssessmentNames = assessments;
                        p.HasDefinition = true;
                    }

                    facts.Controls[name] = row;
                }
            }

            await foreach (var row in RowsAsync("pricings", PricingsQuery, batch, ArmResource<PricingProperties>.Factory(PricingProperties.Create), cancellationToken).ConfigureAwait(false))
            {
                if (Owner(row.SubscriptionId, row.Id, byId) is { } facts && string.Equals(DefenderReader.NameOf(row), DefenderReader.CloudPosturePlan, StringComparison.Ordinal))
                {
                    facts.CloudPostureTier = row.Properties?.PricingTier;
                }
            }

            foreach (var id in batch)
            {
                byId[id].PricingsRead = true;
            }
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<ArmResource<AssessmentProperties>>> ReadAssessmentsAsync(
        IReadOnlyList<SubscriptionFacts> subscriptions,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var factory = ArmResource<AssessmentProperties>.Factory(AssessmentProperties.Create);
        foreach (var batch in subscriptions.Where(s => s.Failure is null).Select(s => s.SubscriptionId).Chunk(settings.SubscriptionBatchSize))
        {
            await foreach (var page in PagesAsync("assessments", AssessmentsQuery, batch, factory, cancellationToken).ConfigureAwait(false))
            {
                yield return page.Data;
            }
        }
    }

    private async IAsyncEnumerable<T> RowsAsync<T>(string resource, string query, string[] batch, ParsableFactory<T> factory, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : IParsable
    {
        await foreach (var page in PagesAsync(resource, query, batch, factory, cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in page.Data)
            {
                yield return row;
            }
        }
    }

    private IAsyncEnumerable<ResourceGraphPage<T>> PagesAsync<T>(string resource, string query, string[] batch, ParsableFactory<T> factory, CancellationToken cancellationToken)
        where T : IParsable
    {
        var builder = ArmRequests.ResourceGraph(adapter, settings.BaseUrlText);
        var body = new ResourceGraphQuery { Subscriptions = [.. batch], Query = query, Top = settings.PageSize };
        return executor.QueryPagesAsync(
            $"Resource Graph {resource}",
            builder.ToPostRequestInformation(body).URI,
            body,
            (q, o, ct) => builder.PostAsync(q, factory, o, ct),
            cancellationToken);
    }

    private static SubscriptionFacts? Owner(string? subscriptionId, string? id, Dictionary<string, SubscriptionFacts> byId)
    {
        var key = subscriptionId is { Length: > 0 } s ? s.Trim().ToLowerInvariant() : Mapping.ArmResourceId.Normalize(id) is { } n ? Mapping.ArmResourceId.SubscriptionId(n) : null;
        return key is not null && byId.TryGetValue(key, out var facts) ? facts : null;
    }
}
