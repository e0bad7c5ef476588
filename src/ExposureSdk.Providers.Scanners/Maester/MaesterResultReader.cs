using System.Text.Json;

namespace ExposureSdk.Providers.Scanners;

/// <summary>
/// Reads a Maester test results file (Pester JSON: <c>Invoke-Maester</c>'s <c>TestResults-*.json</c>):
/// one recommendation per test, one tenant-level asset, one result per test (domain rules §7).
/// </summary>
/// <remarks>
/// <para>
/// Mapping: a test's <c>Id</c> is the recommendation id; its name is <c>Title</c> (else <c>Name</c>); its
/// description is <c>ResultDetail.TestDescription</c>; <c>HelpUrl</c> is a remediation step; impact from
/// <c>Severity</c> (Critical and High → High, Medium → Medium, Low and Info → Low; Decision: empty or
/// unknown → Medium). Its <c>Tag</c>s are kept, and the benchmark ids among them become compliance
/// tags: <c>CIS.M365.1.1.1</c> is requirement 1.1.1 of the "CIS Microsoft 365 Foundations Benchmark"
/// (also tagged <c>cis</c> and <c>cis-m365</c>, which the built-in CIS Microsoft 365 initiative selects),
/// <c>CISA.MS.AAD.1.1</c> of "CISA SCuBA", <c>EIDSCA.AF01</c> of "EIDSCA". The source is that benchmark
/// (CIS first), else "Maester". Workload and domain come from the benchmark section or product
/// (CIS section 5 and EIDSCA → Microsoft Entra ID, section 6 → Exchange Online, <c>AD-*</c> tests →
/// Active Directory, …).
/// </para>
/// <para>
/// The asset is the tenant (<c>TenantId</c>, kind <c>Tenant</c>, named <c>TenantName</c>). <c>Result</c>
/// Passed → healthy, Failed → unhealthy, Skipped, NotRun, Error, Investigate and Inconclusive → not
/// assessed; any other value is bad input. The scan time is <c>ExecutedAt</c>.
/// </para>
/// <para>
/// Bad input raises <see cref="ExposureSourceException"/> naming the file and the JSON path
/// (<c>$.Tests[12].Result</c>), or the line and byte for malformed or truncated JSON.
/// </para>
/// </remarks>
public static class MaesterResultReader
{
    /// <summary>The provider name errors carry when the reader is called directly.</summary>
    public const string DefaultProviderName = "Maester";

    /// <summary>The asset kind of the tenant-level asset every test result is about.</summary>
    public static AssetKind TenantKind { get; } = AssetKind.Parse("Tenant");

    private const long MaxDocumentBytes = 512L * 1024 * 1024;

    /// <summary>Reads a Maester results stream.</summary>
    /// <param name="stream">The stream, read to its end (not closed).</param>
    /// <param name="name">A name for the stream (typically the file name), used in the result and in errors.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tests mapped to recommendations, one tenant asset and assessments.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ExposureSourceException">The content is not Maester results (the message names the JSON path) or the stream failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<ScanResult> ReadAsync(Stream stream, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return ReadAsync(stream, name, DefaultProviderName, cancellationToken);
    }

    /// <summary>Reads a Maester results file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tests mapped to recommendations, one tenant asset and assessments; <see cref="ScanResult.Name"/> is the full path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ExposureSourceException">The file is missing, unreadable or not Maester results.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<ScanResult> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ScanFiles.ReadFileAsync(Path.GetFullPath(path), DefaultProviderName, ReadAsync, cancellationToken);
    }

    internal static async Task<ScanResult> ReadAsync(Stream stream, string name, string providerName, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(new LimitedStream(stream, MaxDocumentBytes), default, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            var where = ScanText.Invariant($"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}");
            throw ScanErrors.Record(providerName, name, where, "$", $"malformed or truncated JSON: {First(ex.Message)}", ex);
        }
        catch (IOException ex)
        {
            throw ScanErrors.File(providerName, name, $"reading failed: {ex.Message}", ex);
        }

        using (document)
        {
            try
            {
                return Map(document.RootElement, name);
            }
            catch (ScanRecordException ex)
            {
                throw ScanErrors.Record(providerName, name, ex.Where ?? "at " + ex.Field, ex.Field, ex.Message);
            }
            catch (InvalidOperationException ex) when (ScanText.IsUndecodable(ex))
            {
                // A property name the JSON reader cannot decode (strings are checked where they are read).
                throw ScanErrors.Record(providerName, name, "at $", "$", "a property name: " + ScanText.Undecodable, ex);
            }
        }
    }

    private static ScanResult Map(JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ScanRecordException("$", "a Maester results file is a JSON object.");
        }

        if (!root.TryGetProperty("Tests", out var tests) || tests.ValueKind != JsonValueKind.Array)
        {
            throw new ScanRecordException("$.Tests", "the file has no Tests array (is it Maester's TestResults JSON?).");
        }

        var executedAt = Text(root, "ExecutedAt", "$.ExecutedAt") is { } at
            ? OcsfFindingMapper.ParseTime(at) ?? throw new ScanRecordException("$.ExecutedAt", $"'{ScanText.Cut(at, 64)}' is not a time.")
            : (DateTimeOffset?)null;
        var tenantId = Text(root, "TenantId", "$.TenantId");
        var tenant = new ScanResource(
            "tenant:" + ScanText.Cut(string.IsNullOrWhiteSpace(tenantId) ? "unknown" : tenantId.Trim(), ScanText.MaxIdentifier - 7),
            TenantKind,
            Text(root, "TenantName", "$.TenantName") is { } tn && !string.IsNullOrWhiteSpace(tn) ? ScanText.Cut(tn, ScanText.MaxIdentifier) : null,
            ["maester"]);

        var accumulator = new ScanAccumulator();
        var finding = new ScanFinding();
        var index = 0;
        foreach (var test in tests.EnumerateArray())
        {
            var path = ScanText.Invariant($"$.Tests[{index}]");
            MapTest(test, path, finding, tenant, executedAt);
            accumulator.Add(finding, path);
            index++;
        }

        return accumulator.Build(name, executedAt, []);
    }

    private static void MapTest(JsonElement test, string path, ScanFinding f, ScanResource tenant, DateTimeOffset? executedAt)
    {
        f.Clear();
        if (test.ValueKind != JsonValueKind.Object)
        {
            throw new ScanRecordException(path, "a test must be a JSON object.");
        }

        var id = Text(test, "Id", path + ".Id");
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ScanRecordException(path + ".Id", "the test has no Id.");
        }

        if (id.Length > ScanText.MaxIdentifier)
        {
            throw new ScanRecordException(path + ".Id", ScanText.Invariant($"the test Id is {id.Length} characters long; at most {ScanText.MaxIdentifier} are allowed."));
        }

        f.CheckId = id.Trim();
        f.Title = Text(test, "Title", path + ".Title") ?? Text(test, "Name", path + ".Name");
        var detail = test.TryGetProperty("ResultDetail", out var d) && d.ValueKind == JsonValueKind.Object ? d : (JsonElement?)null;
        f.Description = ScanText.Text(detail is { } dd ? Text(dd, "TestDescription", path + ".ResultDetail.TestDescription") : null);
        if (ScanText.Text(Text(test, "HelpUrl", path + ".HelpUrl")) is { } help)
        {
            f.RemediationSteps.Add(help);
        }

        var severity = Text(test, "Severity", path + ".Severity");
        f.Impact = ScannerVocabulary.ImpactOf(severity) ?? Impact.Medium;
        var result = Text(test, "Result", path + ".Result")?.Trim();
        f.Status = result?.ToUpperInvariant() switch
        {
            "PASSED" => AssessmentStatus.Healthy,
            "FAILED" => AssessmentStatus.Unhealthy,
            "SKIPPED" or "NOTRUN" or "ERROR" or "INVESTIGATE" or "INCONCLUSIVE" => AssessmentStatus.NotApplicable,
            null => throw new ScanRecordException(path + ".Result", "the test has no Result."),
            _ => throw new ScanRecordException(path + ".Result", $"unknown Result '{ScanText.Cut(result, 64)}' (expected Passed, Failed, Skipped, NotRun or Error)."),
        };
        f.Time = executedAt;
        f.Resources.Add(tenant);

        var tags = Strings(test, "Tag", path + ".Tag");
        string? cisSection = null;
        string? product = null;
        var frameworks = new List<KeyValuePair<string, List<string>>>();
        foreach (var tag in tags.Append(f.CheckId))
        {
            ScanText.AddTag(f.Tags, tag);
            if (tag.StartsWith("CIS.M365.", StringComparison.OrdinalIgnoreCase) && tag.Length > 9)
            {
                var requirement = tag[9..];
                frameworks.Add(new(ScannerVocabulary.CisM365Name, [requirement]));
                cisSection ??= ScannerVocabulary.Section(requirement);
            }
            else if (tag.StartsWith("CISA.", StringComparison.OrdinalIgnoreCase) && tag.Length > 5)
            {
                frameworks.Add(new("CISA SCuBA", [tag[5..]]));
                product ??= tag.Split('.') is { Length: > 2 } parts ? parts[2] : null;
            }
            else if (tag.StartsWith("EIDSCA.", StringComparison.OrdinalIgnoreCase) && tag.Length > 7)
            {
                frameworks.Add(new("EIDSCA", [tag[7..]]));
                product ??= "AAD";
            }
        }

        // Tags repeat the id (CIS.M365.1.1.1 as both); keep each mapping once.
        var distinct = frameworks.DistinctBy(p => (p.Key, p.Value[0])).ToList();
        var (workload, domain) = Classify(cisSection, product, f.CheckId, tags);
        FindingClassifier.Complete(f, null, null, "Maester", [], distinct.Select(p => p.Key).Distinct().ToList(), null);
        foreach (var (framework, requirements) in distinct)
        {
            ScannerVocabulary.AddComplianceTags(f.Tags, framework, requirements[0]);
        }

        f.Workload = workload;
        f.Domain = domain;
    }

    private static readonly Workload ActiveDirectory = Workload.Parse("Active Directory");
    private static readonly Workload Fabric = Workload.Parse("Microsoft Fabric");
    private static readonly Workload PowerPlatform = Workload.Parse("Power Platform");

    private static (Workload, SecurityDomain) Classify(string? cisSection, string? product, string id, List<string> tags)
    {
        switch (cisSection)
        {
            case "1" or "5": return (Workload.MicrosoftEntraId, SecurityDomain.Identity);
            case "2": return (Workload.DefenderForOffice, SecurityDomain.Apps);
            case "3": return (Workload.PurviewInformationProtection, SecurityDomain.Data);
            case "4": return (Workload.Intune, SecurityDomain.Devices);
            case "6": return (Workload.ExchangeOnline, SecurityDomain.Apps);
            case "7": return (Workload.SharePointOnline, SecurityDomain.Data);
            case "8": return (Workload.MicrosoftTeams, SecurityDomain.Apps);
            case "9": return (Fabric, SecurityDomain.Data);
        }

        switch (product?.ToUpperInvariant())
        {
            case "AAD": return (Workload.MicrosoftEntraId, SecurityDomain.Identity);
            case "EXO": return (Workload.ExchangeOnline, SecurityDomain.Apps);
            case "DEFENDER": return (Workload.DefenderForOffice, SecurityDomain.Apps);
            case "SHAREPOINT": return (Workload.SharePointOnline, SecurityDomain.Data);
            case "TEAMS": return (Workload.MicrosoftTeams, SecurityDomain.Apps);
            case "POWERPLATFORM": return (PowerPlatform, SecurityDomain.Apps);
        }

        return id.StartsWith("AD-", StringComparison.OrdinalIgnoreCase) || tags.Contains("AD", StringComparer.OrdinalIgnoreCase)
            ? (ActiveDirectory, SecurityDomain.Identity)
            : (Workload.MicrosoftEntraId, SecurityDomain.Identity);
    }

    private static string? Text(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String
            ? ScanText.StringOf(v, path) is { Length: > 0 } s ? s : null
            : throw new ScanRecordException(path, ScanText.Invariant($"expected a string, found {v.ValueKind}."));
    }

    private static List<string> Strings(JsonElement e, string name, string path)
    {
        var list = new List<string>();
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return list;
        }

        if (v.ValueKind == JsonValueKind.String)
        {
            list.Add(ScanText.StringOf(v, path)!);
            return list;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw new ScanRecordException(path, ScanText.Invariant($"expected an array of strings, found {v.ValueKind}."));
        }

        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && ScanText.StringOf(item, ScanText.Invariant($"{path}[{i}]")) is { } text && !string.IsNullOrWhiteSpace(text))
            {
                list.Add(text);
            }

            i++;
        }

        return list;
    }

    private static string First(string message)
    {
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd();
    }
}
