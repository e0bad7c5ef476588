using System.Globalization;
using ExposureSdk.Providers.DefenderForCloud.Mapping;
using ExposureSdk.Providers.DefenderForCloud.Models;
using ExposureSdk.Providers.DefenderForCloud.Requests;
using ExposureSdk.Providers.DefenderForCloud.Transport;
using Microsoft.Kiota.Abstractions;

namespace ExposureSdk.Providers.DefenderForCloud.Reading;

/// <summary>
/// One consistent read of Defender for Cloud: the subscriptions in scope, the assessment metadata, each
/// subscription's facts, then the assessments streamed page by page, and finally the recommendations, the
/// control points and the coverage (domain rules §2, §3, §6).
/// </summary>
internal sealed class DefenderReader(string providerName, ArmRequestExecutor executor, IRequestAdapter adapter, ArmSettings settings)
{
    public const string AscScoreName = "ascscore";
    public const string CloudPosturePlan = "cloudposture";

    // The service rounds each control's points to two decimals and the percentage to four digits.
    private const double PointsTolerance = 0.005 + 1e-9;

    /// <summary>Whether a failure belongs to one subscription (an HTTP error status) rather than to the data or the transport.</summary>
    public static bool IsSubscriptionFault(ExposureSourceException ex) => ex.StatusCode is >= 400;

    public static string? NameOf<T>(ArmResource<T> resource)
        where T : class, Microsoft.Kiota.Abstractions.Serialization.IParsable
        => DefenderMapper.NameOf(resource.Name, resource.Id);

    public async Task<DefenderForCloudReadResult> ReadAsync(Func<DefenderForCloudPage, CancellationToken, ValueTask> onPage, CancellationToken cancellationToken)
    {
        var subscriptions = await ScopeAsync(cancellationToken).ConfigureAwait(false);
        var metadata = new List<ArmResource<AssessmentMetadataProperties>>();
        var metadataBuilder = ArmRequests.AssessmentMetadata(adapter, settings.BaseUrlText);
        await foreach (var page in executor.ReadPagesAsync<ArmResource<AssessmentMetadataProperties>>("assessmentMetadata", metadataBuilder.ToGetRequestInformation().URI, (url, o, ct) => metadataBuilder.WithUrl(url).GetAsync(o, ct), cancellationToken).ConfigureAwait(false))
        {
            metadata.AddRange(page.Value);
        }

        IDefenderReadPath path = settings.ReadPath == DefenderForCloudReadPath.Rest
            ? new RestReadPath(executor, adapter, settings)
            : new ResourceGraphReadPath(executor, adapter, settings);
        await path.ReadFactsAsync(subscriptions, cancellationToken).ConfigureAwait(false);

        var controlAssessments = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var facts in subscriptions)
        {
            foreach (var (name, control) in facts.Controls)
            {
                if (control.Properties is { HasDefinition: true } p && !controlAssessments.ContainsKey(name))
                {
                    controlAssessments[name] = p.AssessmentNames;
                }
            }
        }

        var mapper = new DefenderMapper(metadata, controlAssessments, subscriptions.Select(s => s.SubscriptionId));
        await foreach (var rows in path.ReadAssessmentsAsync(subscriptions, cancellationToken).ConfigureAwait(false))
        {
            var page = mapper.MapPage(rows);
            await onPage(page, cancellationToken).ConfigureAwait(false);
        }

        var warnings = new List<string>();
        var recommendations = mapper.BuildRecommendations(warnings);
        return Summarize(subscriptions, mapper, recommendations, warnings);
    }

    private async Task<List<SubscriptionFacts>> ScopeAsync(CancellationToken cancellationToken)
    {
        var listed = new Dictionary<string, ArmSubscription>(StringComparer.Ordinal);
        var builder = ArmRequests.Subscriptions(adapter, settings.BaseUrlText);
        await foreach (var page in executor.ReadPagesAsync<ArmSubscription>("subscriptions", builder.ToGetRequestInformation().URI, (url, o, ct) => builder.WithUrl(url).GetAsync(o, ct), cancellationToken).ConfigureAwait(false))
        {
            foreach (var subscription in page.Value)
            {
                var id = subscription.SubscriptionId ?? (subscription.Id is { } full ? ArmResourceId.SubscriptionId(ArmResourceId.Normalize(full) ?? string.Empty) : null);
                if (id is { Length: > 0 } && Guid.TryParse(id.Trim(), out _))
                {
                    listed.TryAdd(id.Trim().ToLowerInvariant(), subscription);
                }
            }
        }

        var ids = settings.Subscriptions.Count > 0 ? settings.Subscriptions : listed.Keys.Order(StringComparer.Ordinal).ToList();
        var scope = new List<SubscriptionFacts>();
        foreach (var id in ids)
        {
            if (settings.ExcludedSubscriptions.Contains(id))
            {
                continue;
            }

            listed.TryGetValue(id, out var subscription);
            var facts = new SubscriptionFacts(id, subscription?.DisplayName);
            if (subscription is null)
            {
                facts.Failure = new ExposureSourceException(providerName, $"Subscription {id} is not listed by GET /subscriptions for this credential (give it Reader and Security Reader on the subscription).", statusCode: 404, field: "subscriptions");
            }

            scope.Add(facts);
        }

        return scope;
    }

    private static DefenderForCloudReadResult Summarize(List<SubscriptionFacts> subscriptions, DefenderMapper mapper, List<Recommendation> recommendations, List<string> warnings)
    {
        var coverage = new List<DefenderForCloudSubscription>(subscriptions.Count);
        double achieved = 0, max = 0, reportedCurrent = 0, reportedMax = 0;
        var anyScore = false;
        var anyReported = false;
        foreach (var facts in subscriptions)
        {
            var assessed = mapper.AssessmentsPerSubscription.GetValueOrDefault(facts.SubscriptionId);
            var rows = mapper.RowsPerSubscription.GetValueOrDefault(facts.SubscriptionId);
            DefenderForCloudStatus status;
            string detail;
            DefenderForCloudScore? score = null;
            if (facts.Failure is { } failure)
            {
                status = DefenderForCloudStatus.Failed;
                detail = $"could not be read: HTTP {failure.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "?"}{(failure.ErrorCode is { } code ? " " + code : string.Empty)}{(failure.RequestId is { } rid ? ", request id " + rid : string.Empty)}";
            }
            else if (facts.AscScore is null && rows == 0)
            {
                status = DefenderForCloudStatus.Inactive;
                detail = "Defender for Cloud is not enabled (no secure score and no assessments); its recommendations are not shown";
            }
            else
            {
                if (facts.PricingsRead && !string.Equals(facts.CloudPostureTier?.Trim(), "Standard", StringComparison.OrdinalIgnoreCase))
                {
                    status = DefenderForCloudStatus.Limited;
                    detail = $"limited cloud data: the Defender CSPM plan (CloudPosture) is {(facts.CloudPostureTier is { Length: > 0 } tier ? tier.Trim() : "not listed")}, so only the foundational recommendations are assessed";
                }
                else
                {
                    status = DefenderForCloudStatus.Active;
                    detail = "read in full with Defender CSPM on";
                }

                score = ScoreOf(facts, mapper, warnings);
                if (score is not null)
                {
                    anyScore = true;
                    achieved += score.AchievedPoints;
                    max += score.MaxPoints;
                    if (score.ReportedPoints is { } rp && score.ReportedMaxPoints is { } rm)
                    {
                        anyReported = true;
                        reportedCurrent += rp;
                        reportedMax += rm;
                    }
                }
            }

            coverage.Add(new DefenderForCloudSubscription(facts.SubscriptionId, facts.DisplayName, status, detail, score, assessed));
        }

        var total = anyScore
            ? new DefenderForCloudScore(achieved, max, anyReported ? reportedCurrent : null, anyReported ? reportedMax : null, anyReported && reportedMax > 0 ? 100 * reportedCurrent / reportedMax : null)
            : null;
        var (overall, overallDetail) = Overall(coverage);
        return new DefenderForCloudReadResult(overall, overallDetail, recommendations, coverage, total, warnings, mapper.AssetCount, mapper.AssessedCount);
    }

    private static DefenderForCloudScore? ScoreOf(SubscriptionFacts facts, DefenderMapper mapper, List<string> warnings)
    {
        if (facts.Controls.Count == 0 && facts.AscScore is null)
        {
            return null;
        }

        var controlMax = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, control) in facts.Controls)
        {
            if ((control.Properties?.Score.Max ?? control.Properties?.DefinitionMaxScore) is { } m && double.IsFinite(m) && m >= 0)
            {
                controlMax[name] = m;
            }
        }

        var points = mapper.ControlPoints(facts.SubscriptionId, controlMax);
        var achieved = points.Sum(p => p.Current);
        var max = points.Sum(p => p.Max);
        var reported = facts.AscScore;
        var reportedPercentage = reported?.Percentage is { } fraction ? 100 * fraction : reported is { Max: > 0 } r && r.Current is { } c ? 100 * c / r.Max.Value : (double?)null;
        var score = new DefenderForCloudScore(achieved, max, reported?.Current, reported?.Max, reportedPercentage);
        if (reported?.Current is { } reportedPoints && reported.Max is { } reportedMax)
        {
            // The service reports points with two decimals, rounded per control and summed, or as a rounded
            // total: either way of rounding the SDK's exact points may give the reported figure.
            var perControl = points.Sum(p => Math.Round(p.Current, 2, MidpointRounding.AwayFromZero));
            var pointsAgree = Math.Abs(achieved - reportedPoints) <= PointsTolerance || Math.Abs(perControl - reportedPoints) <= PointsTolerance;
            if (!pointsAgree || Math.Abs(max - reportedMax) > PointsTolerance)
            {
                warnings.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Subscription {facts.SubscriptionId}: the SDK's control points {achieved:0.####} of {max:0.####} ({score.Percentage:0.##}%) differ from the service's ascScore {reportedPoints:0.####} of {reportedMax:0.####} ({reportedPercentage:0.##}%) by {achieved - reportedPoints:+0.####;-0.####;0} points and {max - reportedMax:+0.####;-0.####;0} max points, beyond the service's rounding to two decimals."));
            }
        }

        return score;
    }

    private static (DefenderForCloudStatus Status, string Detail) Overall(List<DefenderForCloudSubscription> coverage)
    {
        if (coverage.Count == 0)
        {
            return (DefenderForCloudStatus.Inactive, "no subscription in scope");
        }

        var failed = coverage.Count(c => c.Status == DefenderForCloudStatus.Failed);
        var inactive = coverage.Count(c => c.Status == DefenderForCloudStatus.Inactive);
        var limited = coverage.Count(c => c.Status == DefenderForCloudStatus.Limited);
        var parts = new List<string>();
        foreach (var c in coverage.Where(c => c.Status != DefenderForCloudStatus.Active))
        {
            parts.Add($"{c.SubscriptionId} {c.Status}: {c.Detail}");
        }

        var of = coverage.Count.ToString(CultureInfo.InvariantCulture);
        if (failed == coverage.Count)
        {
            return (DefenderForCloudStatus.Failed, $"no subscription could be read ({string.Join("; ", parts)})");
        }

        if (inactive == coverage.Count)
        {
            return (DefenderForCloudStatus.Inactive, $"Defender for Cloud is not enabled on any of the {of} subscription(s)");
        }

        if (failed > 0 || limited > 0)
        {
            var summary = new List<string>();
            if (limited > 0)
            {
                summary.Add($"Defender CSPM is off on {limited} of {of} subscription(s)");
            }

            if (failed > 0)
            {
                summary.Add($"{failed} of {of} subscription(s) could not be read");
            }

            return (DefenderForCloudStatus.Limited, $"limited cloud data: {string.Join(", ", summary)} ({string.Join("; ", parts)})");
        }

        return (DefenderForCloudStatus.Active, parts.Count == 0 ? $"{of} subscription(s) read in full" : $"{of} subscription(s) read; {string.Join("; ", parts)}");
    }
}
