using System.Runtime.CompilerServices;

namespace ExposureSdk.Internal;

/// <summary>Argument checks shared by the model's constructors.</summary>
internal static class Guard
{
    /// <summary>The longest identifier or name the SDK accepts, in UTF-16 code units.</summary>
    public const int MaxIdentifierLength = 512;

    /// <summary>The longest free text (descriptions, remediation steps) the SDK accepts.</summary>
    public const int MaxTextLength = 64 * 1024;

    /// <summary>Up to this many values, <see cref="Distinct{T}"/> finds repeats by a scan instead of a hash set.</summary>
    private const int SmallDistinctCount = 16;

    public static string Identifier(string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("The value must not be empty or white space.", paramName);
        }

        if (value.Length > MaxIdentifierLength)
        {
            throw new ArgumentException($"The value is {value.Length} characters long; at most {MaxIdentifierLength} are allowed.", paramName);
        }

        return WellFormed(value, paramName);
    }

    /// <summary>
    /// Rejects ill-formed UTF-16 (a lone surrogate): such text cannot be written as UTF-8 JSON or stored in
    /// SQLite without becoming U+FFFD, so it would not read back as it was scored, and two distinct ids
    /// (<c>id-\ud800</c>, <c>id-\udc00</c>) would become one (issue 17). The model refuses it at its boundary.
    /// </summary>
    public static string WellFormed(string value, string? paramName)
    {
        // Most text has no surrogate at all: one vectorised scan, then a pairing check only where needed.
        var span = value.AsSpan();
        var first = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return value;
        }

        var index = IndexOfLoneSurrogate(span, first);
        return index < 0
            ? value
            : throw new ArgumentException(
                $"The value holds a lone surrogate (U+{(int)span[index]:X4}) at index {index}: text must be well-formed UTF-16, " +
                "so that what is stored and written reads back identical. Decode the source's text with replacement (U+FFFD) or reject it.",
                paramName);
    }

    /// <summary>Replaces every lone surrogate with U+FFFD; for diagnostics (error details), which are shown, never identities.</summary>
    public static string ReplaceLoneSurrogates(string value)
    {
        var first = value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        var index = first < 0 ? -1 : IndexOfLoneSurrogate(value, first);
        if (index < 0)
        {
            return value;
        }

        var chars = value.ToCharArray();
        do
        {
            chars[index] = '\uFFFD';
            index = IndexOfLoneSurrogate(chars, index + 1);
        }
        while (index >= 0);

        return new string(chars);
    }

    private static int IndexOfLoneSurrogate(ReadOnlySpan<char> span, int from)
    {
        for (var i = from; i < span.Length; i++)
        {
            var c = span[i];
            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }

    /// <summary>
    /// Optional text that says something: an empty or white-space value is absent (<see langword="null"/>), as
    /// the snapshot document has it, so that what the model holds is what a document can carry (issue 17).
    /// </summary>
    public static string? OptionalNonBlankText(string? value, int maxLength, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        => string.IsNullOrWhiteSpace(value) ? null : OptionalText(value, maxLength, paramName);

    public static string? OptionalText(string? value, int maxLength, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException($"The value is {value.Length} characters long; at most {maxLength} are allowed.", paramName);
        }

        return WellFormed(value, paramName);
    }

    public static T Defined<T>(T value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"'{value}' is not a defined {typeof(T).Name} value.");
        }

        return value;
    }

    public static double? Percentage(double? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value is { } v && (double.IsNaN(v) || v < 0 || v > 100))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The value must be a percentage between 0 and 100.");
        }

        return value;
    }

    /// <summary>Rejects the default value of a value type with a message saying what is needed.</summary>
    public static T NotDefault<T>(T value, string message, string paramName)
        where T : struct, IEquatable<T>
        => value.Equals(default) ? throw new ArgumentException(message, paramName) : value;

    /// <summary>Accepts <see langword="null"/> or an absolute http or https URI.</summary>
    public static Uri? HttpUri(Uri? value, string paramName) =>
        value is not null && !(value.IsAbsoluteUri && (value.Scheme == Uri.UriSchemeHttps || value.Scheme == Uri.UriSchemeHttp))
            ? throw new ArgumentException($"The manage link must be an absolute http or https URI; got '{value.OriginalString}'.", paramName)
            : value;

    /// <summary>Accepts <see langword="null"/> or a number from 0 to <paramref name="max"/>.</summary>
    public static double? Between0And(double? value, double max, string message, string paramName) =>
        value is { } v && (double.IsNaN(v) || v < 0 || v > max) ? throw new ArgumentOutOfRangeException(paramName, value, message) : value;

    public static DateTimeOffset? Utc(DateTimeOffset? value) => value?.ToUniversalTime();

    /// <summary>Copies a sequence of strings, rejecting nulls, empties and overlong items, dropping exact duplicates.</summary>
    public static IReadOnlyList<string> Strings(IEnumerable<string>? values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
    {
        if (values is null)
        {
            return [];
        }

        var list = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException("The collection must not contain null, empty or white-space items.", paramName);
            }

            if (value.Length > MaxIdentifierLength)
            {
                throw new ArgumentException($"An item is {value.Length} characters long; at most {MaxIdentifierLength} are allowed.", paramName);
            }

            WellFormed(value, paramName);
            if (seen.Add(value))
            {
                list.Add(value);
            }
        }

        return list.AsReadOnly();
    }

    /// <summary>Copies a sequence of values into a read-only list, rejecting defaults.</summary>
    public static IReadOnlyList<T> Distinct<T>(IEnumerable<T>? values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
        where T : struct, IEquatable<T>
    {
        if (values is null)
        {
            return [];
        }

        // Short lists (a metric's members, an initiative's metrics) are checked by a scan of what was kept;
        // a set is built only once more than SmallDistinctCount values were kept.
        var list = values is ICollection<T> collection ? new List<T>(collection.Count) : [];
        HashSet<T>? seen = null;
        foreach (var value in values)
        {
            if (value.Equals(default))
            {
                throw new ArgumentException($"The collection must not contain a default {typeof(T).Name}.", paramName);
            }

            if (seen is not null)
            {
                if (seen.Add(value))
                {
                    list.Add(value);
                }

                continue;
            }

            if (!list.Contains(value))
            {
                list.Add(value);
                if (list.Count > SmallDistinctCount)
                {
                    seen = [.. list];
                }
            }
        }

        return list.AsReadOnly();
    }
}
