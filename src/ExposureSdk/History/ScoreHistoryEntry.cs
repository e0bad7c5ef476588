using ExposureSdk.Events;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.History;

/// <summary>
/// One refresh as a history store keeps it: a score card and the events it raised. The unit of
/// <see cref="IScoreHistoryStore.AppendManyAsync"/>, which writes several of them all or nothing.
/// </summary>
public sealed class ScoreHistoryEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="card">The score card; its <see cref="ScoreCard.TenantId"/> and <see cref="ScoreCard.AsOf"/> key it.</param>
    /// <param name="events">The events raised with the card, possibly none; stored under the card's tenant.</param>
    /// <exception cref="ArgumentNullException"><paramref name="card"/> or <paramref name="events"/> is <see langword="null"/>, or <paramref name="events"/> holds <see langword="null"/>.</exception>
    public ScoreHistoryEntry(ScoreCard card, IReadOnlyList<SecurityEvent> events)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(events);
        var copy = new SecurityEvent[events.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = events[i] ?? throw new ArgumentNullException(nameof(events), $"events[{i}] is null.");
        }

        Card = card;
        Events = Array.AsReadOnly(copy);
    }

    /// <summary>The score card.</summary>
    public ScoreCard Card { get; }

    /// <summary>The events raised with the card (a copy of the list given to the constructor).</summary>
    public IReadOnlyList<SecurityEvent> Events { get; }
}
