using ExposureSdk.Events;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.History;

/// <summary>
/// Score cards and security events held together, in the order given: what
/// <see cref="ScoreHistoryFormat.WriteHistory"/> writes to a file and <see cref="ScoreHistoryFormat.ReadHistory"/>
/// reads back (for example to copy history from one store into another).
/// </summary>
public sealed class ScoreHistoryDocument
{
    /// <summary>Creates a document.</summary>
    /// <param name="cards">The cards.</param>
    /// <param name="events">The events.</param>
    /// <exception cref="ArgumentNullException">A list is <see langword="null"/> or holds <see langword="null"/>.</exception>
    public ScoreHistoryDocument(IEnumerable<ScoreCard> cards, IEnumerable<SecurityEvent> events)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(events);
        var c = cards.ToArray();
        var e = events.ToArray();
        if (Array.IndexOf(c, null) is var i and >= 0)
        {
            throw new ArgumentNullException(nameof(cards), $"cards[{i}] is null.");
        }

        if (Array.IndexOf(e, null) is var j and >= 0)
        {
            throw new ArgumentNullException(nameof(events), $"events[{j}] is null.");
        }

        Cards = c.AsReadOnly();
        Events = e.AsReadOnly();
    }

    /// <summary>The cards, in the order given.</summary>
    public IReadOnlyList<ScoreCard> Cards { get; }

    /// <summary>The events, in the order given.</summary>
    public IReadOnlyList<SecurityEvent> Events { get; }
}
