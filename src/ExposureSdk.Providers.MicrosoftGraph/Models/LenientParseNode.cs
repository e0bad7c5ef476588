using System.Globalization;
using Microsoft.Kiota.Abstractions.Serialization;

namespace ExposureSdk.Providers.MicrosoftGraph.Models;

/// <summary>
/// Reads Graph values that do not always arrive with their documented JSON type: numbers written as
/// strings (<c>"count": "12"</c>), placeholder strings where a number or a date belongs
/// (<c>"score.value"</c>, <c>"createdDateTime.value"</c>), a single string where an array belongs
/// (<c>enabledServices</c> in the beta examples). A value that cannot be read becomes
/// <see langword="null"/> (or an empty list), never an exception.
/// </summary>
internal static class LenientParseNode
{
    public static string? Text(IParseNode node)
    {
        var text = node.GetStringValue();
        if (text is not null)
        {
            return text;
        }

        if (node.GetDoubleValue() is { } number)
        {
            return number.ToString("R", CultureInfo.InvariantCulture);
        }

        return node.GetBoolValue() is { } flag ? (flag ? "true" : "false") : null;
    }

    public static double? Double(IParseNode node)
    {
        if (node.GetDoubleValue() is { } number)
        {
            return double.IsFinite(number) ? number : null;
        }

        var text = node.GetStringValue();
        return text is not null
            && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            && double.IsFinite(parsed)
                ? parsed
                : null;
    }

    public static long? Int64(IParseNode node)
    {
        if (Double(node) is not { } number || number != Math.Floor(number) || number < long.MinValue || number > long.MaxValue)
        {
            return null;
        }

        return (long)number;
    }

    public static int? Int32(IParseNode node)
        => Int64(node) is { } value && value >= int.MinValue && value <= int.MaxValue ? (int)value : null;

    public static bool? Boolean(IParseNode node)
    {
        if (node.GetBoolValue() is { } flag)
        {
            return flag;
        }

        return bool.TryParse(node.GetStringValue()?.Trim(), out var parsed) ? parsed : null;
    }

    /// <summary>An ISO 8601 date and time; placeholders and dates without an offset read as UTC or null.</summary>
    public static DateTimeOffset? DateTime(IParseNode node)
    {
        var text = node.GetStringValue();
        return text is not null
            && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                ? parsed
                : null;
    }

    /// <summary>An array of strings, or a single string read as a one-item list; null items and empty strings are dropped.</summary>
    public static List<string> Strings(IParseNode node)
    {
        if (node.GetStringValue() is { } single)
        {
            return string.IsNullOrWhiteSpace(single) ? [] : [single];
        }

        var list = new List<string>();
        foreach (var item in node.GetCollectionOfPrimitiveValues<string>())
        {
            if (!string.IsNullOrWhiteSpace(item))
            {
                list.Add(item);
            }
        }

        return list;
    }

    public static List<T> Objects<T>(IParseNode node, ParsableFactory<T> factory)
        where T : IParsable
    {
        var list = new List<T>();
        foreach (var item in node.GetCollectionOfObjectValues(factory))
        {
            if (item is not null)
            {
                list.Add(item);
            }
        }

        return list;
    }
}
