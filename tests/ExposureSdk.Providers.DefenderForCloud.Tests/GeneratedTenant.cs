using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ExposureSdk.Providers.DefenderForCloud.Tests;

/// <summary>A generated subscription of <see cref="GeneratedTenant"/>.</summary>
internal sealed record GeneratedSubscription(string Id, string Name, int Resources, bool CspmOn = true, bool DefenderOn = true);

/// <summary>One generated assessment row.</summary>
internal sealed record GeneratedAssessment(string SubscriptionId, string ResourceId, string ResourceType, string Metadata, string Status, int Index);

/// <summary>
/// A generated Defender for Cloud tenant served over the loopback ARM server, for both read paths: eight
/// resource families, six assessment metadata entries (one preview), three secure score controls, and
/// statuses drawn deterministically. The expected control points are computed here by brute force, apart
/// from the provider's code.
/// </summary>
internal sealed class GeneratedTenant
{
    public static readonly (string Name, string DisplayName, string Severity, bool Preview, string Category, string[] Types)[] Metadata =
    [
        ("0b1c2d3e-0000-4000-8000-000000000001", "Install endpoint protection on virtual machines", "High", false, "Compute", ["Microsoft.Compute/virtualMachines"]),
        ("0b1c2d3e-0000-4000-8000-000000000002", "Storage accounts should require secure transfer", "Medium", false, "Data", ["Microsoft.Storage/storageAccounts"]),
        ("0b1c2d3e-0000-4000-8000-000000000003", "Key vaults should have purge protection", "Low", false, "Data", ["Microsoft.KeyVault/vaults"]),
        ("0b1c2d3e-0000-4000-8000-000000000004", "SQL servers should have auditing enabled", "High", false, "Data", ["Microsoft.Sql/servers"]),
        ("0b1c2d3e-0000-4000-8000-000000000005", "Management ports should be closed", "Medium", false, "Networking", ["Microsoft.Network/networkSecurityGroups", "Microsoft.Network/publicIPAddresses"]),
        ("0b1c2d3e-0000-4000-8000-000000000006", "Kubernetes clusters should use Azure Policy (preview)", "Medium", true, "Container", ["Microsoft.ContainerService/managedClusters", "Microsoft.Web/sites"]),
    ];

    public static readonly (string Name, string DisplayName, double Max, int[] Metadata)[] Controls =
    [
        ("c0000000-0000-4000-8000-00000000000a", "Enable endpoint protection", 6, [0]),
        ("c0000000-0000-4000-8000-00000000000b", "Protect data", 4, [1, 2, 3]),
        ("c0000000-0000-4000-8000-00000000000c", "Restrict network access", 2, [4, 5]),
    ];

    private static readonly string[] Types =
    [
        "Microsoft.Compute/virtualMachines", "Microsoft.Storage/storageAccounts", "Microsoft.KeyVault/vaults", "Microsoft.Sql/servers",
        "Microsoft.ContainerService/managedClusters", "Microsoft.Web/sites", "Microsoft.Network/networkSecurityGroups", "Microsoft.Network/publicIPAddresses",
    ];

    private readonly Dictionary<string, List<GeneratedAssessment>> _bySubscription = new(StringComparer.OrdinalIgnoreCase);

    public GeneratedTenant(params GeneratedSubscription[] subscriptions)
    {
        Subscriptions = subscriptions;
        var index = 0;
        foreach (var s in subscriptions)
        {
            var rows = new List<GeneratedAssessment>();
            if (s.DefenderOn)
            {
                for (var r = 0; r < s.Resources; r++)
                {
                    var type = Types[r % Types.Length];
                    var resourceId = $"/subscriptions/{s.Id}/resourceGroups/RG-{r % 7}/providers/{type}/Res-{r:D6}";
                    foreach (var m in Metadata.Where(m => m.Types.Contains(type)))
                    {
                        var h = (int)((uint)HashCode.Combine(s.Id, r, m.Name) % 10);
                        var status = h < 6 ? "Healthy" : h < 8 ? "Unhealthy" : "NotApplicable";
                        rows.Add(new GeneratedAssessment(s.Id, resourceId, type, m.Name, status, index++));
                    }
                }
            }

            _bySubscription[s.Id] = rows;
        }
    }

    public IReadOnlyList<GeneratedSubscription> Subscriptions { get; }

    public IEnumerable<GeneratedAssessment> Assessments => Subscriptions.SelectMany(s => _bySubscription[s.Id]);

    public int RestPageSize { get; set; } = 1000;

    /// <summary>Served before the tenant's own answer; a non-null response wins.</summary>
    public Func<ArmRequest, ArmResponse?>? Intercept { get; set; }

    /// <summary>The control points of one subscription, by brute force: (Σ current, Σ max).</summary>
    public (double Current, double Max) ExpectedPoints(string subscriptionId)
    {
        double current = 0, max = 0;
        foreach (var control in Controls)
        {
            var names = control.Metadata.Where(i => !Metadata[i].Preview).Select(i => Metadata[i].Name).ToHashSet();
            var perResource = _bySubscription[subscriptionId]
                .Where(a => names.Contains(a.Metadata) && a.Status != "NotApplicable")
                .GroupBy(a => a.ResourceId.ToLowerInvariant())
                .Select(g => g.All(a => a.Status == "Healthy"))
                .ToList();
            if (perResource.Count == 0)
            {
                continue;
            }

            max += control.Max;
            current += control.Max * perResource.Count(h => h) / perResource.Count;
        }

        return (current, max);
    }

    public Task<ArmResponse> HandleAsync(ArmRequest request, CancellationToken cancellationToken)
    {
        if (Intercept?.Invoke(request) is { } intercepted)
        {
            return Task.FromResult(intercepted);
        }

        return Task.FromResult(Route(request));
    }

    private static string Q(string value) => JsonSerializer.Serialize(value);

    private ArmResponse Route(ArmRequest request)
    {
        var path = request.Path;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (request.Method == "POST" && path.Equals("/providers/Microsoft.ResourceGraph/resources", StringComparison.OrdinalIgnoreCase))
        {
            return ResourceGraph(request.Body);
        }

        if (path == "/subscriptions")
        {
            return ArmResponse.Json("{\"value\":[" + string.Join(",", Subscriptions.Select(s => $"{{\"id\":{Q("/subscriptions/" + s.Id)},\"subscriptionId\":{Q(s.Id)},\"displayName\":{Q(s.Name)},\"state\":\"Enabled\",\"tenantId\":\"31c75423-32d6-4322-88b7-c478bdde4858\"}}")) + "]}");
        }

        if (path.Equals("/providers/Microsoft.Security/assessmentMetadata", StringComparison.OrdinalIgnoreCase))
        {
            return ArmResponse.Json("{\"value\":[" + string.Join(",", Metadata.Select(MetadataJson)) + "]}");
        }

        if (path.Equals("/providers/Microsoft.Security/secureScoreControlDefinitions", StringComparison.OrdinalIgnoreCase))
        {
            return ArmResponse.Json("{\"value\":[" + string.Join(",", Controls.Select(c => $"{{\"id\":{Q("/providers/Microsoft.Security/secureScoreControlDefinitions/" + c.Name)},\"name\":{Q(c.Name)},\"type\":\"Microsoft.Security/secureScoreControlDefinitions\",\"properties\":{DefinitionJson(c)}}}")) + "]}");
        }

        if (segments.Length >= 5 && segments[0] == "subscriptions" && segments[2] == "providers" && _bySubscription.ContainsKey(segments[1]))
        {
            var s = Subscriptions.First(x => x.Id.Equals(segments[1], StringComparison.OrdinalIgnoreCase));
            switch (segments[4])
            {
                case "assessments":
                    return AssessmentsPage(request, s);
                case "secureScores":
                    return ArmResponse.Json("{\"value\":[" + (s.DefenderOn ? SecureScoreJson(s, withSubscription: false) : string.Empty) + "]}");
                case "secureScoreControls":
                    return ArmResponse.Json("{\"value\":[" + (s.DefenderOn ? string.Join(",", Controls.Select(c => ControlJson(s, c, withDefinition: true, withSubscription: false))) : string.Empty) + "]}");
                case "pricings":
                    return ArmResponse.Json("{\"value\":[" + PricingJson(s, withSubscription: false) + "]}");
            }
        }

        return ArmResponse.Error(404, "NotFound");
    }

    private ArmResponse AssessmentsPage(ArmRequest request, GeneratedSubscription s)
    {
        var rows = _bySubscription[s.Id];
        var offset = 0;
        foreach (var pair in request.Query.Split('&'))
        {
            if (pair.StartsWith("$skiptoken=", StringComparison.Ordinal))
            {
                offset = int.Parse(pair["$skiptoken=".Length..], CultureInfo.InvariantCulture);
            }
        }

        var page = rows.Skip(offset).Take(RestPageSize).ToList();
        var body = new StringBuilder("{\"value\":[");
        body.AppendJoin(",", page.Select(a => AssessmentJson(a, withSubscription: false)));
        body.Append(']');
        if (offset + page.Count < rows.Count)
        {
            body.Append(",\"nextLink\":").Append(Q($"http://127.0.0.1:{request.Header("Host")?.Split(':')[1]}/subscriptions/{s.Id}/providers/Microsoft.Security/assessments?api-version=2021-06-01&$skiptoken={offset + page.Count}"));
        }

        return ArmResponse.Json(body.Append('}').ToString());
    }

    private ArmResponse ResourceGraph(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var query = root.GetProperty("query").GetString()!;
        var subscriptions = root.TryGetProperty("subscriptions", out var subs) ? subs.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase) : [];
        var options = root.GetProperty("options");
        var top = options.TryGetProperty("$top", out var t) ? t.GetInt32() : 1000;
        var offset = options.TryGetProperty("$skipToken", out var token) ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token.GetString()!)), CultureInfo.InvariantCulture) : 0;
        var selected = Subscriptions.Where(s => subscriptions.Contains(s.Id)).ToList();
        List<string> rows;
        if (query.Contains("microsoft.security/assessments'", StringComparison.Ordinal))
        {
            rows = selected.SelectMany(s => _bySubscription[s.Id]).Skip(offset).Take(top + 1).Select(a => AssessmentJson(a, withSubscription: true)).ToList();
        }
        else if (query.Contains("microsoft.security/securescores'", StringComparison.Ordinal))
        {
            rows = selected.Where(s => s.DefenderOn).Select(s => SecureScoreJson(s, withSubscription: true)).Skip(offset).Take(top + 1).ToList();
        }
        else if (query.Contains("securescorecontrols'", StringComparison.Ordinal))
        {
            rows = selected.Where(s => s.DefenderOn).SelectMany(s => Controls.Select(c => ControlJson(s, c, withDefinition: false, withSubscription: true))).Skip(offset).Take(top + 1).ToList();
        }
        else if (query.Contains("microsoft.security/pricings'", StringComparison.Ordinal))
        {
            rows = selected.Select(s => PricingJson(s, withSubscription: true)).Skip(offset).Take(top + 1).ToList();
        }
        else
        {
            return ArmResponse.Error(400, "BadRequest");
        }

        var more = rows.Count > top;
        var page = rows.Take(top).ToList();
        var json = new StringBuilder("{\"totalRecords\":").Append(offset + rows.Count).Append(",\"count\":").Append(page.Count).Append(",\"resultTruncated\":\"false\",\"facets\":[],\"data\":[");
        json.AppendJoin(",", page).Append(']');
        if (more)
        {
            json.Append(",\"$skipToken\":").Append(Q(Convert.ToBase64String(Encoding.UTF8.GetBytes((offset + top).ToString(CultureInfo.InvariantCulture)))));
        }

        return ArmResponse.Json(json.Append('}').ToString(), ("x-ms-user-quota-remaining", "14"), ("x-ms-user-quota-resets-after", "00:00:05"));
    }

    private static string MetadataJson((string Name, string DisplayName, string Severity, bool Preview, string Category, string[] Types) m)
        => $"{{\"id\":{Q("/providers/Microsoft.Security/assessmentMetadata/" + m.Name)},\"name\":{Q(m.Name)},\"type\":\"Microsoft.Security/assessmentMetadata\",\"properties\":{{\"displayName\":{Q(m.DisplayName)},\"description\":{Q("About " + m.DisplayName)},\"remediationDescription\":{Q("Step one.<br>Step <b>two</b>: <a href=\"https://learn.microsoft.com/azure\">read</a>")},\"categories\":[{Q(m.Category)}],\"severity\":{Q(m.Severity)},\"userImpact\":\"Low\",\"implementationEffort\":\"Moderate\",\"threats\":[\"dataExfiltration\"],\"assessmentType\":\"BuiltIn\"{(m.Preview ? ",\"preview\":true" : string.Empty)}}}}}";

    private static string DefinitionJson((string Name, string DisplayName, double Max, int[] Metadata) c)
        => $"{{\"displayName\":{Q(c.DisplayName)},\"maxScore\":{c.Max.ToString(CultureInfo.InvariantCulture)},\"source\":{{\"sourceType\":\"BuiltIn\"}},\"assessmentDefinitions\":[{string.Join(",", c.Metadata.Select(i => $"{{\"id\":{Q("/providers/Microsoft.Security/assessmentMetadata/" + Metadata[i].Name)}}}"))}]}}";

    private string SecureScoreJson(GeneratedSubscription s, bool withSubscription)
    {
        var (current, max) = ExpectedPoints(s.Id);
        var rounded = Math.Round(current, 2);
        return $"{{\"id\":{Q($"/subscriptions/{s.Id}/providers/Microsoft.Security/secureScores/ascScore")},\"name\":\"ascScore\",\"type\":\"Microsoft.Security/secureScores\"{Sub(s, withSubscription)},\"properties\":{{\"displayName\":\"ASC score\",\"score\":{{\"max\":{max.ToString(CultureInfo.InvariantCulture)},\"current\":{rounded.ToString(CultureInfo.InvariantCulture)},\"percentage\":{(max > 0 ? Math.Round(rounded / max, 4) : 0).ToString(CultureInfo.InvariantCulture)}}},\"weight\":1}}}}";
    }

    private string ControlJson(GeneratedSubscription s, (string Name, string DisplayName, double Max, int[] Metadata) c, bool withDefinition, bool withSubscription)
    {
        var names = c.Metadata.Where(i => !Metadata[i].Preview).Select(i => Metadata[i].Name).ToHashSet();
        var any = _bySubscription[s.Id].Any(a => names.Contains(a.Metadata) && a.Status != "NotApplicable");
        var max = any ? c.Max : 0;
        var definition = withDefinition ? $",\"definition\":{{\"id\":{Q("/providers/Microsoft.Security/secureScoreControlDefinitions/" + c.Name)},\"name\":{Q(c.Name)},\"properties\":{DefinitionJson(c)}}}" : string.Empty;
        return $"{{\"id\":{Q($"/subscriptions/{s.Id}/providers/Microsoft.Security/secureScores/ascScore/secureScoreControls/{c.Name}")},\"name\":{Q(c.Name)},\"type\":\"Microsoft.Security/secureScores/secureScoreControls\"{Sub(s, withSubscription)},\"properties\":{{\"displayName\":{Q(c.DisplayName)},\"score\":{{\"max\":{max.ToString(CultureInfo.InvariantCulture)},\"current\":0,\"percentage\":0}}{definition}}}}}";
    }

    private static string PricingJson(GeneratedSubscription s, bool withSubscription)
        => $"{{\"id\":{Q($"/subscriptions/{s.Id}/providers/Microsoft.Security/pricings/CloudPosture")},\"name\":\"CloudPosture\",\"type\":\"Microsoft.Security/pricings\"{Sub(s, withSubscription)},\"properties\":{{\"pricingTier\":{Q(s.CspmOn ? "Standard" : "Free")}}}}}";

    private static string AssessmentJson(GeneratedAssessment a, bool withSubscription)
    {
        var id = $"{a.ResourceId}/providers/Microsoft.Security/assessments/{a.Metadata}";
        var date = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(a.Index % 10_000).ToString("O", CultureInfo.InvariantCulture);
        var sub = withSubscription ? $",\"subscriptionId\":{Q(a.SubscriptionId)}" : string.Empty;
        return $"{{\"id\":{Q(id)},\"name\":{Q(a.Metadata)},\"type\":\"microsoft.security/assessments\"{sub},\"properties\":{{\"resourceDetails\":{{{(withSubscription ? "\"Source\":\"Azure\",\"Id\":" : "\"source\":\"Azure\",\"id\":")}{Q(a.ResourceId)}}},\"displayName\":\"x\",\"status\":{{\"code\":{Q(a.Status)},\"statusChangeDate\":{Q(date)}}},\"links\":{{\"azurePortalUri\":{Q("https://portal.azure.com/#view/Microsoft_Azure_Security/GenericRecommendationDetailsBlade/assessmentKey/" + a.Metadata + "/" + a.Index)}}}}}}}";
    }

    private static string Sub(GeneratedSubscription s, bool withSubscription) => withSubscription ? $",\"subscriptionId\":{Q(s.Id)}" : string.Empty;
}
