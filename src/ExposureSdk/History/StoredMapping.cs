using ExposureSdk.Events;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.History;

/// <summary>Maps the public card and event types to their stored form (<see cref="StoredCard"/>, <see cref="StoredEvent"/>) and back.</summary>
internal static class StoredMapping
{
    public static StoredCard ToStored(ScoreCard card, int? version) => new()
    {
        FormatVersion = version,
        TenantId = card.TenantId,
        AsOf = card.AsOf,
        SecureScore = card.SecureScore,
        Metrics = [.. card.Metrics.Select(m => new StoredMetric
        {
            Id = m.Id.Value,
            Name = m.Name,
            Weight = m.Weight,
            NumericWeight = m.NumericWeight,
            Score = m.Score,
            Affected = m.Affected,
            Scope = m.Scope,
            Availability = m.Availability,
            StaleReason = m.StaleReason,
            RecommendationIds = Texts(m.RecommendationIds, r => r.Value),
            InitiativeIds = Texts(m.InitiativeIds, i => i.Value),
            TopAffectedAssetIds = Texts(m.TopAffectedAssetIds, a => a.Value),
            Approximate = m.IsApproximate ? true : null,
        })],
        Initiatives = [.. card.Initiatives.Select(i => new StoredInitiative
        {
            Id = i.Id.Value,
            Name = i.Name,
            Score = i.Score,
            Availability = i.Availability,
            StaleReason = i.StaleReason,
            Metrics = [.. i.Metrics.Select(x => new StoredInitiativeMetric { MetricId = x.MetricId.Value, Weight = x.Weight, NumericWeight = x.NumericWeight })],
            RecommendationIds = Texts(i.RecommendationIds, r => r.Value),
            TargetScore = i.TargetScore,
            Approximate = i.IsApproximate ? true : null,
        })],
        Origin = card.Origin,
    };

    public static ScoreCard ToCard(StoredCard s) => new(
        s.TenantId,
        s.AsOf,
        s.SecureScore,
        [.. Items(s.Metrics, "metrics").Select(m => new ScoreCardMetric(
            m.Id,
            m.Name,
            m.Weight,
            m.NumericWeight,
            m.Score,
            m.Affected,
            m.Scope,
            m.Availability,
            m.StaleReason,
            Ids(m.RecommendationIds, "recommendationIds", RecommendationId.From),
            Ids(m.InitiativeIds, "initiativeIds", InitiativeId.From),
            Ids(m.TopAffectedAssetIds, "topAffectedAssetIds", AssetId.From),
            m.Approximate ?? false))],
        [.. Items(s.Initiatives, "initiatives").Select(i => new ScoreCardInitiative(
            i.Id,
            i.Name,
            i.Score,
            i.Availability,
            i.StaleReason,
            [.. Items(i.Metrics, "metrics").Select(x => new ScoreCardInitiativeMetric(x.MetricId, x.Weight, x.NumericWeight))],
            Ids(i.RecommendationIds, "recommendationIds", RecommendationId.From),
            i.TargetScore,
            i.Approximate ?? false))],
        s.Origin);

    // The stored causes keep one shape for both subjects (format version 1): a metric drop writes empty
    // metric lists and no metric score changes; an initiative drop writes no asset ids and null deltas.
    public static StoredEvent ToStored(SecurityEvent e, int? version) => new()
    {
        FormatVersion = version,
        Kind = e.Kind,
        Date = e.Date,
        SubjectId = e.SubjectId,
        SubjectName = e.SubjectName,
        PreviousScore = e.PreviousScore,
        CurrentScore = e.CurrentScore,
        Drop = e.Drop,
        Weight = e.Weight,
        Approximate = e.IsApproximate ? true : null,
        InitiativeEffects = [.. e.InitiativeEffects.Select(x => new StoredInitiativeEffect { InitiativeId = x.InitiativeId.Value, Effect = x.Effect, WeightSum = x.WeightSum })],
        Causes = e.MetricCauses is { } m
            ? new StoredCauses
            {
                NewlyAffectedAssetIds = Texts(m.NewlyAffectedAssetIds, a => a.Value),
                AffectedDelta = m.AffectedDelta,
                ScopeDelta = m.ScopeDelta,
                AssetsAddedToScope = m.AssetsAddedToScope,
                RecommendationsAdded = Texts(m.RecommendationsAdded, r => r.Value),
                RecommendationsRemoved = Texts(m.RecommendationsRemoved, r => r.Value),
                MetricsAdded = [],
                MetricsRemoved = [],
                WeightChanges = m.WeightChange is { } w ? [ToStored(w)] : [],
                MetricScoreChanges = [],
            }
            : e.InitiativeCauses is { } i
                ? new StoredCauses
                {
                    NewlyAffectedAssetIds = [],
                    AffectedDelta = null,
                    ScopeDelta = null,
                    AssetsAddedToScope = 0,
                    RecommendationsAdded = Texts(i.RecommendationsAdded, r => r.Value),
                    RecommendationsRemoved = Texts(i.RecommendationsRemoved, r => r.Value),
                    MetricsAdded = Texts(i.MetricsAdded, x => x.Value),
                    MetricsRemoved = Texts(i.MetricsRemoved, x => x.Value),
                    WeightChanges = [.. i.WeightChanges.Select(ToStored)],
                    MetricScoreChanges = [.. i.MetricScoreChanges.Select(x => new StoredMetricScoreChange { MetricId = x.MetricId.Value, PreviousScore = x.PreviousScore, CurrentScore = x.CurrentScore })],
                }
                : null,
    };

    public static SecurityEvent ToEvent(StoredEvent s)
    {
        var c = s.Causes;
        switch (s.Kind)
        {
            case SecurityEventKind.MetricScoreDrop:
                var weights = Items(c?.WeightChanges, "weightChanges");
                if (weights.Length > 1)
                {
                    throw new ArgumentException("A metric drop's causes hold at most one weight change (the metric's own).");
                }

                return SecurityEvent.MetricScoreDrop(
                    s.Date,
                    s.SubjectId,
                    s.SubjectName,
                    Required(s.PreviousScore, "previousScore"),
                    Required(s.CurrentScore, "currentScore"),
                    Required(s.Weight, "weight"),
                    [.. Items(s.InitiativeEffects, "initiativeEffects").Select(x => new InitiativeEffect(x.InitiativeId, x.Effect, x.WeightSum))],
                    c is null ? null : new MetricScoreDropCauses(
                        Ids(c.NewlyAffectedAssetIds, "newlyAffectedAssetIds", AssetId.From),
                        Required(c.AffectedDelta, "affectedDelta"),
                        Required(c.ScopeDelta, "scopeDelta"),
                        Ids(c.RecommendationsAdded, "recommendationsAdded", RecommendationId.From),
                        Ids(c.RecommendationsRemoved, "recommendationsRemoved", RecommendationId.From),
                        weights.Length == 0 ? null : ToWeightChange(weights[0])),
                    s.Approximate ?? false);
            case SecurityEventKind.InitiativeScoreDrop:
                return SecurityEvent.InitiativeScoreDrop(
                    s.Date,
                    s.SubjectId,
                    s.SubjectName,
                    Required(s.PreviousScore, "previousScore"),
                    Required(s.CurrentScore, "currentScore"),
                    c is null ? null : new InitiativeScoreDropCauses(
                        Ids(c.RecommendationsAdded, "recommendationsAdded", RecommendationId.From),
                        Ids(c.RecommendationsRemoved, "recommendationsRemoved", RecommendationId.From),
                        Ids(c.MetricsAdded, "metricsAdded", MetricId.From),
                        Ids(c.MetricsRemoved, "metricsRemoved", MetricId.From),
                        [.. Items(c.WeightChanges, "weightChanges").Select(ToWeightChange)],
                        [.. Items(c.MetricScoreChanges, "metricScoreChanges").Select(x => new MetricScoreChange(x.MetricId, x.PreviousScore, x.CurrentScore))]),
                    s.Approximate ?? false);
            case SecurityEventKind.NewInitiative:
                return SecurityEvent.NewInitiative(s.Date, s.SubjectId, s.SubjectName, s.CurrentScore, s.Approximate ?? false);
            default:
                throw new ArgumentException($"Unknown event kind '{s.Kind}'.");
        }
    }

    private static StoredWeightChange ToStored(WeightChange w) => new() { MetricId = w.MetricId.Value, Previous = w.Previous, Current = w.Current };

    private static WeightChange ToWeightChange(StoredWeightChange w) => new(w.MetricId, w.Previous, w.Current);

    private static T Required<T>(T? value, string name)
        where T : struct
        => value ?? throw new ArgumentException($"'{name}' is missing.");

    private static string[] Texts<T>(IReadOnlyList<T> ids, Func<T, string> text)
    {
        var result = new string[ids.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = text(ids[i]);
        }

        return result;
    }

    /// <summary>The typed ids of a stored list of id texts (none when absent); a null or invalid id is invalid data, reported by the list's name.</summary>
    private static T[] Ids<T>(string[]? texts, string name, Func<string, T> parse)
    {
        if (texts is null)
        {
            return [];
        }

        var result = new T[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            try
            {
                result[i] = parse(texts[i] ?? throw new ArgumentException("The id is null."));
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"{name}[{i}]: {ex.Message}", ex);
            }
        }

        return result;
    }

    public static ScoreHistoryDocument ToDocument(StoredHistory s)
    {
        var cards = s.Cards ?? [];
        var events = s.Events ?? [];
        for (var i = 0; i < cards.Length; i++)
        {
            CheckNested(cards[i]?.FormatVersion, "cards", i);
        }

        for (var i = 0; i < events.Length; i++)
        {
            CheckNested(events[i]?.FormatVersion, "events", i);
        }

        return new ScoreHistoryDocument(
            cards.Select((c, i) => Item(c, ToCard, "cards", i)),
            events.Select((e, i) => Item(e, ToEvent, "events", i)));
    }

    /// <summary>Maps one item of a document; a failure names the list and the position.</summary>
    private static T Item<TStored, T>(TStored? stored, Func<TStored, T> map, string list, int index)
        where TStored : class
    {
        if (stored is null)
        {
            throw new ArgumentException($"{list}[{index}] is null.");
        }

        try
        {
            return map(stored);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{list}[{index}]: {ex.Message}", ex);
        }
    }

    private static void CheckNested(int? version, string list, int index)
    {
        if (version is { } v && (v < 1 || v > ScoreHistoryFormat.CurrentVersion))
        {
            throw new ArgumentException($"{list}[{index}] has format version {v}; this ExposureSdk reads 1 to {ScoreHistoryFormat.CurrentVersion}.");
        }
    }

    /// <summary>The items of a stored list (none when absent); a null item is invalid data, reported by the list's name.</summary>
    private static T[] Items<T>(T[]? items, string name)
        where T : class
    {
        if (items is null)
        {
            return [];
        }

        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is null)
            {
                throw new ArgumentException($"{name}[{i}] is null.");
            }
        }

        return items;
    }
}
