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
            Id = m.Id,
            Name = m.Name,
            Weight = m.Weight,
            NumericWeight = m.NumericWeight,
            Score = m.Score,
            Affected = m.Affected,
            Scope = m.Scope,
            Availability = m.Availability,
            StaleReason = m.StaleReason,
            RecommendationIds = [.. m.RecommendationIds],
            InitiativeIds = [.. m.InitiativeIds],
            TopAffectedAssetIds = [.. m.TopAffectedAssetIds],
        })],
        Initiatives = [.. card.Initiatives.Select(i => new StoredInitiative
        {
            Id = i.Id,
            Name = i.Name,
            Score = i.Score,
            Availability = i.Availability,
            StaleReason = i.StaleReason,
            Metrics = [.. i.Metrics.Select(x => new StoredInitiativeMetric { MetricId = x.MetricId, Weight = x.Weight, NumericWeight = x.NumericWeight })],
            RecommendationIds = [.. i.RecommendationIds],
            TargetScore = i.TargetScore,
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
            m.RecommendationIds,
            m.InitiativeIds,
            m.TopAffectedAssetIds))],
        [.. Items(s.Initiatives, "initiatives").Select(i => new ScoreCardInitiative(
            i.Id,
            i.Name,
            i.Score,
            i.Availability,
            i.StaleReason,
            [.. Items(i.Metrics, "metrics").Select(x => new ScoreCardInitiativeMetric(x.MetricId, x.Weight, x.NumericWeight))],
            i.RecommendationIds,
            i.TargetScore))],
        s.Origin);

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
        InitiativeEffects = [.. e.InitiativeEffects.Select(x => new StoredInitiativeEffect { InitiativeId = x.InitiativeId, Effect = x.Effect, WeightSum = x.WeightSum })],
        Causes = e.Causes is not { } c ? null : new StoredCauses
        {
            NewlyAffectedAssetIds = [.. c.NewlyAffectedAssetIds],
            AffectedDelta = c.AffectedDelta,
            ScopeDelta = c.ScopeDelta,
            AssetsAddedToScope = c.AssetsAddedToScope,
            RecommendationsAdded = [.. c.RecommendationsAdded],
            RecommendationsRemoved = [.. c.RecommendationsRemoved],
            MetricsAdded = [.. c.MetricsAdded],
            MetricsRemoved = [.. c.MetricsRemoved],
            WeightChanges = [.. c.WeightChanges.Select(w => new StoredWeightChange { MetricId = w.MetricId, Previous = w.Previous, Current = w.Current })],
            MetricScoreChanges = [.. c.MetricScoreChanges.Select(x => new StoredMetricScoreChange { MetricId = x.MetricId, PreviousScore = x.PreviousScore, CurrentScore = x.CurrentScore })],
        },
    };

    public static SecurityEvent ToEvent(StoredEvent s) => new(
        s.Kind,
        s.Date,
        s.SubjectId,
        s.SubjectName,
        s.PreviousScore,
        s.CurrentScore,
        s.Drop,
        s.Weight,
        [.. Items(s.InitiativeEffects, "initiativeEffects").Select(x => new InitiativeEffect(x.InitiativeId, x.Effect, x.WeightSum))],
        s.Causes is not { } c ? null : new ScoreDropCauses(
            c.NewlyAffectedAssetIds,
            c.AffectedDelta,
            c.ScopeDelta,
            c.RecommendationsAdded,
            c.RecommendationsRemoved,
            c.MetricsAdded,
            c.MetricsRemoved,
            [.. Items(c.WeightChanges, "weightChanges").Select(w => new WeightChange(w.MetricId, w.Previous, w.Current))],
            [.. Items(c.MetricScoreChanges, "metricScoreChanges").Select(x => new MetricScoreChange(x.MetricId, x.PreviousScore, x.CurrentScore))]));

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
