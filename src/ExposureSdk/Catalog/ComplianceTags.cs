using System.Diagnostics.CodeAnalysis;

namespace ExposureSdk.Catalog;

/// <summary>
/// The tags that record which compliance framework requirements a recommendation maps to, as the scanner
/// providers write them (and any provider or snapshot may): <c>compliance:{framework}:{requirement}</c>
/// for each requirement, <c>compliance-section:{framework}:{section}</c> for each numbered requirement's
/// section (requirement <c>6.3.1</c> is in section <c>6</c>), and, for the CIS Microsoft 365 Foundations
/// Benchmark of any version, <c>cis-m365-section:{section}</c>, which the built-in CIS Microsoft 365
/// initiative selects.
/// </summary>
/// <remarks>
/// Framework names are free text such as "CIS Microsoft Azure Foundations Benchmark v2.0"; a section is
/// the leading number of a requirement id, 1 to 6 digits. <see cref="ExposureCatalog.WithComplianceInitiatives"/>
/// reads the section tags to build one compliance initiative per framework.
/// </remarks>
public static class ComplianceTags
{
    /// <summary>The prefix of a requirement tag: <c>compliance:{framework}:{requirement}</c>.</summary>
    public const string RequirementPrefix = "compliance:";

    /// <summary>The prefix of a section tag: <c>compliance-section:{framework}:{section}</c>.</summary>
    public const string SectionPrefix = "compliance-section:";

    /// <summary>The prefix of the version-independent CIS Microsoft 365 section tag: <c>cis-m365-section:{section}</c>.</summary>
    public const string CisMicrosoft365SectionPrefix = "cis-m365-section:";

    /// <summary>The name of the CIS Microsoft 365 benchmark, before any version suffix (" v4.0").</summary>
    public const string CisMicrosoft365Benchmark = "CIS Microsoft 365 Foundations Benchmark";

    private const int MaxSectionDigits = 6;

    /// <summary>The requirement tag of a framework's requirement.</summary>
    /// <param name="framework">The framework name.</param>
    /// <param name="requirement">The requirement id.</param>
    /// <returns><c>compliance:{framework}:{requirement}</c>, both trimmed.</returns>
    /// <exception cref="ArgumentException">A value is empty or white space.</exception>
    public static string Requirement(string framework, string requirement)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(framework);
        ArgumentException.ThrowIfNullOrWhiteSpace(requirement);
        return RequirementPrefix + framework.Trim() + ":" + requirement.Trim();
    }

    /// <summary>The section tag of a framework's section.</summary>
    /// <param name="framework">The framework name (it may contain colons: a section tag is read from its last colon).</param>
    /// <param name="section">The section number, 1 to 6 digits.</param>
    /// <returns><c>compliance-section:{framework}:{section}</c>, the framework trimmed.</returns>
    /// <exception cref="ArgumentException">The framework is empty or white space, or the section is not 1 to 6 digits.</exception>
    public static string Section(string framework, string section)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(framework);
        CheckSection(section);
        return SectionPrefix + framework.Trim() + ":" + section;
    }

    /// <summary>The section of a numbered requirement id: its leading digits when they are followed by a dot or nothing ("6.3.1" → "6", "12" → "12").</summary>
    /// <param name="requirement">The requirement id.</param>
    /// <returns>The section, or <see langword="null"/> when the requirement is not numbered ("T1190", "op.ext.7") or its number has more than 6 digits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requirement"/> is <see langword="null"/>.</exception>
    public static string? SectionOf(string requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        var value = requirement.Trim();
        var end = 0;
        while (end < value.Length && char.IsAsciiDigit(value[end]))
        {
            end++;
        }

        return end is > 0 and <= MaxSectionDigits && (end == value.Length || value[end] == '.') ? value[..end] : null;
    }

    /// <summary>Reads a section tag.</summary>
    /// <param name="tag">A tag.</param>
    /// <param name="framework">The framework, when the tag is a section tag.</param>
    /// <param name="section">The section, when the tag is a section tag.</param>
    /// <returns>Whether <paramref name="tag"/> is <c>compliance-section:{framework}:{section}</c> with a non-empty framework and a 1-to-6-digit section (prefix in any case).</returns>
    public static bool TryParseSection(string? tag, [NotNullWhen(true)] out string? framework, [NotNullWhen(true)] out string? section)
    {
        framework = null;
        section = null;
        if (tag is null || !tag.StartsWith(SectionPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var colon = tag.LastIndexOf(':');
        if (colon < SectionPrefix.Length)
        {
            return false;
        }

        var name = tag[SectionPrefix.Length..colon].Trim();
        var number = tag[(colon + 1)..];
        if (name.Length == 0 || number.Length is 0 or > MaxSectionDigits || !number.All(char.IsAsciiDigit))
        {
            return false;
        }

        framework = name;
        section = number;
        return true;
    }

    /// <summary>Whether a framework name is the CIS Microsoft 365 Foundations Benchmark, of any version.</summary>
    /// <param name="framework">The framework name.</param>
    /// <returns><see langword="true"/> for "CIS Microsoft 365 Foundations Benchmark" with or without a version suffix (any case).</returns>
    public static bool IsCisMicrosoft365(string? framework)
        => framework is not null && framework.Trim().StartsWith(CisMicrosoft365Benchmark, StringComparison.OrdinalIgnoreCase);

    private static void CheckSection(string section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (section.Length is 0 or > MaxSectionDigits || !section.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"A section is 1 to {MaxSectionDigits} digits; '{section}' is not.", nameof(section));
        }
    }
}
