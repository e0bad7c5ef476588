using System.Globalization;

namespace ExposureSdk.Providers.Scanners;

/// <summary>Length rules for what scanners write: names and tags fit identifiers, long texts are cut with an ellipsis.</summary>
internal static class ScanText
{
    public const int MaxIdentifier = 512;
    public const int MaxText = 64 * 1024;

    public static string Name(string? title, string fallback)
        => string.IsNullOrWhiteSpace(title) ? fallback : Cut(title.Trim(), MaxIdentifier);

    public static string? Text(string? text)
        => string.IsNullOrWhiteSpace(text) ? null : Cut(text.Trim(), MaxText);

    public static void AddTag(List<string> tags, string? tag)
    {
        if (!string.IsNullOrWhiteSpace(tag))
        {
            tags.Add(Cut(tag.Trim(), MaxIdentifier));
        }
    }

    public static string Cut(string text, int max) => Internal.TextCut.WithEllipsis(text, max);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>What a record's text that cannot be decoded is called in errors.</summary>
    public const string Undecodable = "the text is not valid UTF-8 or holds an escaped lone surrogate.";

    /// <summary>A JSON string's text; one the JSON reader cannot decode (invalid UTF-8, an escaped lone surrogate) is bad input at <paramref name="path"/> (issue 17, found by fuzzing).</summary>
    public static string? StringOf(System.Text.Json.JsonElement value, string path)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException ex) when (IsUndecodable(ex))
        {
            throw new ScanRecordException(path, Undecodable);
        }
    }

    /// <summary>The JSON reader's error for text it cannot decode (a string or a property name).</summary>
    public static bool IsUndecodable(InvalidOperationException ex) => ex.Source?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true;
}

/// <summary>A record the reader cannot use: the field at fault and why. The reader adds the file and the record.</summary>
internal sealed class ScanRecordException(string field, string message, string? where = null) : Exception(message)
{
    /// <summary>The field, as a JSON path below the record (<c>.status_code</c>) or a CSV column name.</summary>
    public string Field { get; } = field;

    /// <summary>Where the record is, when the thrower knows better than the reader ("line 3").</summary>
    public string? Where { get; } = where;
}
