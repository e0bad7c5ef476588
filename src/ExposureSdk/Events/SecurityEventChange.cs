namespace ExposureSdk.Events;

/// <summary>What happened to the day's event of a subject and kind (domain rules §4: one event per subject, kind and day).</summary>
public enum SecurityEventTransition
{
    /// <summary>The first refresh of the day that met the threshold raised the event.</summary>
    Raised = 0,

    /// <summary>A later refresh of the same day changed it in place (its current score, drop, effects or causes).</summary>
    Updated = 1,

    /// <summary>A later refresh of the same day no longer met the threshold: the day's event is withdrawn.</summary>
    Withdrawn = 2,
}

/// <summary>
/// One transition of the day's event of a subject and kind (domain rules §4, Decision): raised by the first
/// refresh of the calendar day that meets the threshold, updated in place by a later refresh of the day whose
/// event differs, withdrawn by a later refresh of the day that no longer meets it. Subscribers receive each
/// transition once (<see cref="Pipeline.RefreshResult.EventChanges"/>); the history store keeps each day's
/// final state (<see cref="History.IScoreHistoryStore.RecordAsync"/>).
/// </summary>
public sealed class SecurityEventChange
{
    /// <summary>Creates a change.</summary>
    /// <param name="transition">Raised, updated or withdrawn.</param>
    /// <param name="securityEvent">The day's event as it stands after the change; for <see cref="SecurityEventTransition.Withdrawn"/>, as it stood before it was withdrawn.</param>
    /// <param name="previous">For <see cref="SecurityEventTransition.Updated"/>, the event as it stood before; otherwise <see langword="null"/>.</param>
    /// <param name="dayStart">The start of the event's calendar day (inclusive), as a UTC instant.</param>
    /// <param name="dayEnd">The end of the event's calendar day (exclusive), as a UTC instant.</param>
    /// <exception cref="ArgumentNullException"><paramref name="securityEvent"/> is <see langword="null"/>, or <paramref name="previous"/> is for an update.</exception>
    /// <exception cref="ArgumentException">The day is empty or does not contain the event's date, or <paramref name="previous"/> is given for another transition or another subject or kind.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="transition"/> is not defined.</exception>
    public SecurityEventChange(SecurityEventTransition transition, SecurityEvent securityEvent, SecurityEvent? previous, DateTimeOffset dayStart, DateTimeOffset dayEnd)
    {
        if (!Enum.IsDefined(transition))
        {
            throw new ArgumentOutOfRangeException(nameof(transition), transition, "Not a defined SecurityEventTransition.");
        }

        ArgumentNullException.ThrowIfNull(securityEvent);
        if (dayEnd <= dayStart || securityEvent.Date < dayStart || securityEvent.Date >= dayEnd)
        {
            throw new ArgumentException($"The day [{dayStart:O}, {dayEnd:O}) must be non-empty and contain the event's date {securityEvent.Date:O}.", nameof(dayEnd));
        }

        if (transition == SecurityEventTransition.Updated)
        {
            ArgumentNullException.ThrowIfNull(previous);
            if (previous.Kind != securityEvent.Kind || !string.Equals(previous.SubjectId, securityEvent.SubjectId, StringComparison.Ordinal))
            {
                throw new ArgumentException("An update replaces an event of the same kind and subject.", nameof(previous));
            }
        }
        else if (previous is not null)
        {
            throw new ArgumentException("Only an update has a previous event.", nameof(previous));
        }

        Transition = transition;
        Event = securityEvent;
        Previous = previous;
        DayStart = dayStart.ToUniversalTime();
        DayEnd = dayEnd.ToUniversalTime();
    }

    /// <summary>Raised, updated or withdrawn.</summary>
    public SecurityEventTransition Transition { get; }

    /// <summary>The day's event after the change; for a withdrawal, as it stood before it was withdrawn.</summary>
    public SecurityEvent Event { get; }

    /// <summary>For an update, the event as it stood before; otherwise <see langword="null"/>.</summary>
    public SecurityEvent? Previous { get; }

    /// <summary>The start of the event's calendar day (inclusive), in UTC.</summary>
    public DateTimeOffset DayStart { get; }

    /// <summary>The end of the event's calendar day (exclusive), in UTC.</summary>
    public DateTimeOffset DayEnd { get; }
}
