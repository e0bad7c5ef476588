using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ExposureSdk.Events;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.History;

/// <summary>
/// The stored form of score cards and security events: UTF-8 JSON with an explicit format version, written
/// and read by the history stores (the SQLite store keeps one card or event per row) and by history
/// documents (a file of cards and events, for example to move history between stores).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Every card, event and document is written with <c>"formatVersion": </c><see cref="CurrentVersion"/>.
/// The format is fixed by internal shapes, not by the public types, so renaming a public member never
/// changes it.</item>
/// <item>Reading checks the version first: a card or event without one was stored before versions existed
/// and reads as version 1; a version newer than <see cref="CurrentVersion"/> is refused with a message
/// naming both versions (the data is left as it is, for a newer ExposureSdk to read).</item>
/// <item>Every read failure (not JSON, a missing or invalid field, an unknown version) is an
/// <see cref="InvalidDataException"/>; nothing is half-read.</item>
/// </list>
/// </remarks>
public static class ScoreHistoryFormat
{
    /// <summary>The format version this ExposureSdk writes, and the newest it reads.</summary>
    public static int CurrentVersion => 1;

    /// <summary>Writes a score card in the stored form.</summary>
    /// <param name="card">The card.</param>
    /// <returns>UTF-8 JSON with <c>"formatVersion"</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="card"/> is <see langword="null"/>.</exception>
    public static byte[] WriteCard(ScoreCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.SerializeToUtf8Bytes(StoredMapping.ToStored(card, CurrentVersion), StoredHistoryJsonContext.Default.StoredCard);
    }

    /// <summary>Reads a score card written by <see cref="WriteCard"/> (this version or an earlier one).</summary>
    /// <param name="utf8Json">The stored form.</param>
    /// <returns>The card.</returns>
    /// <exception cref="InvalidDataException">The input is not a stored score card, is invalid, or has a newer format version than <see cref="CurrentVersion"/>.</exception>
    public static ScoreCard ReadCard(ReadOnlySpan<byte> utf8Json) =>
        Read(utf8Json, "score card", StoredHistoryJsonContext.Default.StoredCard, StoredMapping.ToCard);

    /// <summary>Writes a security event in the stored form.</summary>
    /// <param name="securityEvent">The event.</param>
    /// <returns>UTF-8 JSON with <c>"formatVersion"</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="securityEvent"/> is <see langword="null"/>.</exception>
    public static byte[] WriteEvent(SecurityEvent securityEvent)
    {
        ArgumentNullException.ThrowIfNull(securityEvent);
        return JsonSerializer.SerializeToUtf8Bytes(StoredMapping.ToStored(securityEvent, CurrentVersion), StoredHistoryJsonContext.Default.StoredEvent);
    }

    /// <summary>Reads a security event written by <see cref="WriteEvent"/> (this version or an earlier one).</summary>
    /// <param name="utf8Json">The stored form.</param>
    /// <returns>The event.</returns>
    /// <exception cref="InvalidDataException">The input is not a stored security event, is invalid, or has a newer format version than <see cref="CurrentVersion"/>.</exception>
    public static SecurityEvent ReadEvent(ReadOnlySpan<byte> utf8Json) =>
        Read(utf8Json, "security event", StoredHistoryJsonContext.Default.StoredEvent, StoredMapping.ToEvent);

    /// <summary>Writes a history document: the format version, then the cards and the events in the given order.</summary>
    /// <param name="history">The cards and events.</param>
    /// <returns>UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    public static byte[] WriteHistory(ScoreHistoryDocument history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var stored = new StoredHistory
        {
            FormatVersion = CurrentVersion,
            Cards = [.. history.Cards.Select(c => StoredMapping.ToStored(c, null))],
            Events = [.. history.Events.Select(e => StoredMapping.ToStored(e, null))],
        };
        return JsonSerializer.SerializeToUtf8Bytes(stored, StoredHistoryJsonContext.Default.StoredHistory);
    }

    /// <summary>Reads a history document written by <see cref="WriteHistory"/> (this version or an earlier one).</summary>
    /// <param name="utf8Json">The document.</param>
    /// <returns>The cards and events, in the document's order.</returns>
    /// <exception cref="InvalidDataException">The input is not a history document, is invalid (the message names the first bad card or event), or has no or a newer format version.</exception>
    public static ScoreHistoryDocument ReadHistory(ReadOnlySpan<byte> utf8Json) =>
        Read(utf8Json, "history document", StoredHistoryJsonContext.Default.StoredHistory, StoredMapping.ToDocument, versionRequired: true);

    private static T Read<TStored, T>(ReadOnlySpan<byte> utf8Json, string what, JsonTypeInfo<TStored> type, Func<TStored, T> map, bool versionRequired = false)
        where TStored : class
    {
        int version;
        TStored? stored;
        try
        {
            version = ReadVersion(utf8Json, what, versionRequired);
            stored = JsonSerializer.Deserialize(utf8Json, type);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The stored {what} is not valid JSON of format version {CurrentVersion}: {ex.Message}", ex);
        }

        if (stored is null)
        {
            throw new InvalidDataException($"The stored {what} is null.");
        }

        try
        {
            _ = version; // versions 1..CurrentVersion share one shape today; a later version maps older shapes here.
            return map(stored);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"The stored {what} is invalid: {ex.Message}", ex);
        }
    }

    /// <summary>Reads the top-level <c>formatVersion</c> before anything else, so that a newer format is refused by name, not by a confusing field error.</summary>
    private static int ReadVersion(ReadOnlySpan<byte> utf8Json, string what, bool required)
    {
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidDataException($"The stored {what} is not a JSON object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("formatVersion"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var version) || version < 1)
                {
                    throw new InvalidDataException($"The stored {what} has an invalid format version (a whole number from 1 is expected).");
                }

                if (version > CurrentVersion)
                {
                    throw new InvalidDataException(
                        $"The stored {what} has format version {version}, newer than this ExposureSdk reads (up to {CurrentVersion}). "
                        + "It was written by a newer ExposureSdk: upgrade to read it; the stored data is left unchanged.");
                }

                return version;
            }

            reader.Read();
            reader.Skip();
        }

        return required
            ? throw new InvalidDataException($"The stored {what} has no format version.")
            : 1; // stored before versions existed: the first format
    }
}
