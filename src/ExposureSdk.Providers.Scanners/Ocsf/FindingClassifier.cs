namespace ExposureSdk.Providers.Scanners;

/// <summary>
/// Completes a mapped finding from what it maps to: its source (the CIS benchmark it maps to, newest
/// version first; else the first standard an OCSF <c>compliance</c> object names; else the scanner), its
/// workload and domain (from the cloud provider and service) and its tags (scanner, provider, service,
/// <c>cis</c>, <c>cis-m365</c>, and one <c>compliance:</c> / <c>compliance-section:</c> tag per mapping).
/// </summary>
internal static class FindingClassifier
{
    public static void Complete(
        ScanFinding finding,
        string? provider,
        string? service,
        string scanner,
        IEnumerable<KeyValuePair<string, List<string>>> frameworks,
        IReadOnlyList<string>? standards = null,
        IReadOnlyList<string>? standardRequirements = null)
    {
        string? bestCis = null;
        Version? bestVersion = null;
        var anyCis = false;
        var m365Cis = false;
        foreach (var (key, requirements) in frameworks)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                continue;
            }

            var name = ScannerVocabulary.FrameworkName(key, provider, out var version);
            foreach (var requirement in requirements)
            {
                ScannerVocabulary.AddComplianceTags(finding.Tags, name, requirement);
            }

            Note(name, version);
        }

        string? firstStandard = null;
        foreach (var standard in standards ?? [])
        {
            if (string.IsNullOrWhiteSpace(standard))
            {
                continue;
            }

            var name = standard.Trim();
            firstStandard ??= name;
            foreach (var requirement in standardRequirements ?? [])
            {
                ScannerVocabulary.AddComplianceTags(finding.Tags, name, requirement);
            }

            Note(name, VersionOf(name));
        }

        var (workload, domain) = ScannerVocabulary.Classify(provider, service, scanner);
        finding.Workload = workload;
        finding.Domain = domain;
        finding.Source = RecommendationSource.Parse(ScanText.Cut(bestCis ?? firstStandard ?? scanner, ScanText.MaxIdentifier));
        ScanText.AddTag(finding.Tags, scanner.ToLowerInvariant());
        ScanText.AddTag(finding.Tags, provider?.ToLowerInvariant());
        if (!string.IsNullOrWhiteSpace(service))
        {
            ScanText.AddTag(finding.Tags, "service:" + service.Trim());
        }

        if (anyCis)
        {
            ScanText.AddTag(finding.Tags, "cis");
        }

        if (m365Cis)
        {
            ScanText.AddTag(finding.Tags, ScannerVocabulary.CisM365Tag);
        }

        void Note(string name, Version? version)
        {
            if (!ScannerVocabulary.IsCis(name))
            {
                return;
            }

            anyCis = true;
            m365Cis |= name.StartsWith(ScannerVocabulary.CisM365Name, StringComparison.OrdinalIgnoreCase);
            if (bestCis is null || (version is not null && (bestVersion is null || version > bestVersion)))
            {
                bestCis = name;
                bestVersion = version;
            }
        }
    }

    /// <summary>The version at the end of a benchmark name ("... Benchmark v2.0" is 2.0).</summary>
    private static Version? VersionOf(string name)
    {
        var at = name.LastIndexOf(" v", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var text = name[(at + 2)..];
        return Version.TryParse(text.Contains('.', StringComparison.Ordinal) ? text : text + ".0", out var v) ? v : null;
    }
}
