using System.Globalization;
using ExposureSdk.Providers.MicrosoftGraph.Models;

namespace ExposureSdk.Providers.MicrosoftGraph.Mapping;

/// <summary>
/// Maps Secure Score control profiles and today's control scores to recommendations, and daily Secure
/// Scores to history entries. The rules are documented on <see cref="MicrosoftGraphSecureScoreProvider"/>.
/// </summary>
internal static class SecureScoreMapper
{
    private const double Tolerance = 1e-9;

    /// <summary>The newest daily score (by <c>createdDateTime</c>; the first record when none has a readable date).</summary>
    public static SecureScore? Latest(IReadOnlyList<SecureScore> scores)
    {
        SecureScore? latest = null;
        foreach (var score in scores)
        {
            if (latest is null || (score.CreatedDateTime is { } created && (latest.CreatedDateTime is not { } best || created > best)))
            {
                latest = score;
            }
        }

        return latest;
    }

    /// <summary>
    /// One <see cref="SourceHistoryDay"/> per UTC day that has a dated daily score (the newest record of a
    /// day counts), the newest <paramref name="days"/> days, oldest first. Each day maps every profile with
    /// that day's control scores and the control state in force then (the latest update dated at or
    /// before the day's score; undated updates always apply).
    /// </summary>
    public static List<SourceHistoryDay> ToHistoryDays(IReadOnlyList<SecureScoreControlProfile> profiles, IEnumerable<SecureScore> scores, int days, string providerName)
        => NewestPerDay(scores.Where(s => s.CreatedDateTime is not null), days)
            .Select(s => new SourceHistoryDay(s.CreatedDateTime!.Value, ToRecommendations(profiles, s, providerName, s.CreatedDateTime)))
            .ToList();

    public static List<Recommendation> ToRecommendations(IReadOnlyList<SecureScoreControlProfile> profiles, SecureScore? today, string providerName, DateTimeOffset? stateAsOf = null)
    {
        var active = new List<(SecureScoreControlProfile Profile, int Index)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < profiles.Count; i++)
        {
            var profile = profiles[i];
            if (profile.Deprecated == true)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(profile.Id))
            {
                throw new ExposureSourceException(providerName, $"secureScoreControlProfiles[{i}] has no id.", recordId: $"secureScoreControlProfiles[{i}]", field: "id");
            }

            // A paging glitch can repeat a control; the first occurrence wins.
            if (seen.Add(profile.Id.Trim()))
            {
                active.Add((profile, i));
            }
        }

        var scores = new Dictionary<string, ControlScore>(StringComparer.Ordinal);
        foreach (var score in today?.ControlScores ?? [])
        {
            if (!string.IsNullOrWhiteSpace(score.ControlName))
            {
                scores.TryAdd(score.ControlName.Trim(), score);
            }
        }

        var recommendations = new List<Recommendation>(active.Count);
        foreach (var (profile, index) in active)
        {
            scores.TryGetValue(profile.Id!.Trim(), out var score);
            try
            {
                recommendations.Add(ToRecommendation(profile, score, today?.CreatedDateTime, providerName, index, stateAsOf));
            }
            catch (ArgumentException ex)
            {
                throw new ExposureSourceException(providerName, $"Control profile '{profile.Id}' cannot be mapped: {ex.Message}", ex, recordId: profile.Id, field: ex.ParamName);
            }
        }

        return recommendations;
    }

    public static Recommendation ToRecommendation(SecureScoreControlProfile profile, ControlScore? score, DateTimeOffset? calculated, string providerName, int index, DateTimeOffset? stateAsOf = null)
    {
        var id = profile.Id!.Trim();
        var domain = SecureScoreVocabulary.MapDomain(profile.ControlCategory ?? score?.ControlCategory)
            ?? throw new ExposureSourceException(providerName, $"Control profile '{id}' has no controlCategory, so it has no domain.", recordId: id, field: $"secureScoreControlProfiles[{index}].controlCategory");

        var latestUpdate = LatestStateUpdate(profile.ControlStateUpdates, stateAsOf);
        var controlState = latestUpdate?.State?.Trim();
        var mitigated = string.Equals(controlState, "ThirdParty", StringComparison.OrdinalIgnoreCase);
        var ignored = string.Equals(controlState, "Ignored", StringComparison.OrdinalIgnoreCase);

        var (counts, scoreState) = Results(profile.MaxScore, score);
        ComplianceState? state = mitigated ? ComplianceState.MitigatedByOrganization : null;
        if (state is null && scoreState is { } fromScore && counts is { } c && Derived(c) != fromScore)
        {
            // count/total disagree with the points: the points (Graph's own verdict) win.
            state = fromScore;
        }

        // Rules §3: the source's own points, never rescaled; a max that is not a finite number ≥ 0 is no max.
        double? maxPoints = profile.MaxScore is { } max && double.IsFinite(max) && max >= 0 ? max : null;
        var title = string.IsNullOrWhiteSpace(profile.Title) ? id : profile.Title.Trim();

        return new Recommendation(
            id,
            title,
            RecommendationSource.MicrosoftSecureScore,
            SecureScoreVocabulary.MapWorkload(profile.Service),
            domain,
            SecureScoreVocabulary.MapImpact(profile.UserImpact),
            description: Description(score, profile),
            remediationSteps: RemediationText.ToSteps(profile.Remediation),
            manageUrl: ManageUrl(profile.ActionUrl),
            maxPoints: maxPoints,
            state: state,
            isRiskAccepted: ignored,
            lastCalculated: score is null ? null : calculated,
            lastStateChange: latestUpdate?.UpdatedDateTime,
            threats: profile.Threats.Select(SecureScoreVocabulary.MapThreat).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal),
            tags: Tags(profile),
            counts: counts);
    }

    /// <summary>
    /// The count-only result and the state the points imply. <c>count</c> is the number of compliant
    /// entities of <c>total</c>: affected = total − count. Without count/total, the tenant is the one
    /// assessed entity: 0 of 1 affected when fully scored, 1 of 1 when partially. No score → no result.
    /// </summary>
    public static (ResultCounts? Counts, ComplianceState? ScoreState) Results(double? maxScore, ControlScore? score)
    {
        if (score is null)
        {
            return (null, null);
        }

        ComplianceState? scoreState = score.Score is { } points && maxScore is { } max
            ? (points >= max - Tolerance ? ComplianceState.Compliant : ComplianceState.NotCompliant)
            : null;

        if (score.Total is { } total && score.Count is { } count && total >= 0 && count >= 0)
        {
            var compliant = Math.Min(count, total);
            return (new ResultCounts(total - compliant, total), total == 0 ? null : scoreState);
        }

        return scoreState switch
        {
            ComplianceState.Compliant => (new ResultCounts(0, 1), scoreState),
            ComplianceState.NotCompliant => (new ResultCounts(1, 1), scoreState),
            _ => (null, null),
        };
    }

    public static List<SecureScoreHistoryEntry> ToHistory(IEnumerable<SecureScore> scores, int days)
        => NewestPerDay(scores.Where(s => s.CreatedDateTime is not null && IsPoints(s.CurrentScore) && IsPoints(s.MaxScore)), days)
            .Select(s => new SecureScoreHistoryEntry(s.CreatedDateTime!.Value, s.CurrentScore!.Value, s.MaxScore!.Value))
            .ToList();

    private static bool IsPoints(double? value) => value is { } v && double.IsFinite(v) && v >= 0;

    /// <summary>The newest record of each UTC day (by <c>createdDateTime</c>, which every record must have), the newest <paramref name="days"/> days, oldest first.</summary>
    private static IEnumerable<SecureScore> NewestPerDay(IEnumerable<SecureScore> dated, int days)
    {
        var byDay = new Dictionary<DateOnly, SecureScore>();
        foreach (var score in dated)
        {
            var day = DateOnly.FromDateTime(score.CreatedDateTime!.Value.UtcDateTime);
            if (!byDay.TryGetValue(day, out var kept) || score.CreatedDateTime > kept.CreatedDateTime)
            {
                byDay[day] = score;
            }
        }

        return byDay.OrderByDescending(p => p.Key).Take(days).OrderBy(p => p.Key).Select(p => p.Value);
    }

    private static ComplianceState Derived(ResultCounts counts)
        => counts.Affected > 0 ? ComplianceState.NotCompliant : counts.Total > 0 ? ComplianceState.Compliant : ComplianceState.NotAvailable;

    private static SecureScoreControlStateUpdate? LatestStateUpdate(List<SecureScoreControlStateUpdate> updates, DateTimeOffset? asOf)
    {
        SecureScoreControlStateUpdate? latest = null;
        foreach (var update in updates)
        {
            if (asOf is { } cutoff && update.UpdatedDateTime > cutoff)
            {
                continue; // not yet in force on that day
            }

            // The newest dated update wins; among undated ones (or equal dates) the later in the list wins.
            if (latest is null || (update.UpdatedDateTime ?? DateTimeOffset.MinValue) >= (latest.UpdatedDateTime ?? DateTimeOffset.MinValue))
            {
                latest = update;
            }
        }

        return latest;
    }

    private static Uri? ManageUrl(string? actionUrl)
        => Uri.TryCreate(actionUrl?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    private static string? Description(ControlScore? score, SecureScoreControlProfile profile)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(score?.Description))
        {
            parts.Add(score.Description.Trim());
        }

        if (!string.IsNullOrWhiteSpace(profile.RemediationImpact))
        {
            parts.Add("Remediation impact: " + RemediationText.ToSteps(profile.RemediationImpact).FirstOrDefault());
        }

        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }

    private static List<string> Tags(SecureScoreControlProfile profile)
    {
        var tags = new List<string>();
        void Add(string prefix, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                tags.Add(prefix + ":" + value.Trim());
            }
        }

        Add("tier", profile.Tier);
        Add("actionType", profile.ActionType);
        Add("implementationCost", profile.ImplementationCost);
        Add("service", profile.Service);
        Add("rank", profile.Rank?.ToString(CultureInfo.InvariantCulture));
        Add("secureScoreMaxScore", profile.MaxScore?.ToString("0.##", CultureInfo.InvariantCulture));
        foreach (var compliance in profile.ComplianceInformation)
        {
            var certification = compliance.CertificationName?.Trim();
            if (string.IsNullOrEmpty(certification))
            {
                continue;
            }

            Add("compliance", certification);
            foreach (var control in compliance.CertificationControls)
            {
                if (!string.IsNullOrWhiteSpace(control.Name))
                {
                    Add("compliance", certification + "/" + control.Name.Trim());
                }
            }
        }

        return tags;
    }
}
