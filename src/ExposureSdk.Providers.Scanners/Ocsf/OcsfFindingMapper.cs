using System.Globalization;
using System.Text.Json;

namespace ExposureSdk.Providers.Scanners;

/// <summary>
/// Maps one OCSF 1.x finding (Detection Finding 2004 as Prowler writes it, or Compliance Finding 2003)
/// to a <see cref="ScanFinding"/>, field by field per domain rules §7. A field that is missing where it
/// is required, or holds a value the rules do not allow, raises <see cref="ScanRecordException"/> naming
/// the field by its JSON path below the record (for example <c>.resources[0].uid</c>).
/// </summary>
internal static class OcsfFindingMapper
{
    public const int ComplianceFindingClass = 2003;
    public const int DetectionFindingClass = 2004;
    private const string DefaultScanner = "OCSF";

    public static void Map(JsonElement root, ScanFinding f)
    {
        f.Clear();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ScanRecordException("$", "a finding must be a JSON object.");
        }

        if (!root.TryGetProperty("class_uid", out var classUid) || !classUid.TryGetInt32(out var cls))
        {
            throw new ScanRecordException(".class_uid", "the finding has no numeric class_uid (expected 2003 Compliance Finding or 2004 Detection Finding).");
        }

        if (cls is not (ComplianceFindingClass or DetectionFindingClass))
        {
            throw new ScanRecordException(".class_uid", ScanText.Invariant($"class_uid {cls} is not a finding this reader maps (expected 2003 Compliance Finding or 2004 Detection Finding)."));
        }

        var metadata = Object(root, "metadata");
        var findingInfo = Object(root, "finding_info");
        var compliance = Object(root, "compliance");
        var firstCheck = compliance is { } c && c.TryGetProperty("checks", out var checks) && checks.ValueKind == JsonValueKind.Array && checks.GetArrayLength() > 0 && checks[0].ValueKind == JsonValueKind.Object
            ? checks[0]
            : (JsonElement?)null;

        var checkId = String(metadata, "event_code", ".metadata.event_code")
            ?? (firstCheck is { } fc ? String(fc, "uid", ".compliance.checks[0].uid") : null)
            ?? (compliance is { } cc ? String(cc, "control", ".compliance.control") : null)
            ?? throw new ScanRecordException(".metadata.event_code", "the finding names no check (metadata.event_code, compliance.checks[0].uid or compliance.control).");
        if (string.IsNullOrWhiteSpace(checkId))
        {
            // Was an ArgumentException from the recommendation id (issue 17, found by fuzzing).
            throw new ScanRecordException(".metadata.event_code", "the check id is empty or white space.");
        }

        if (checkId.Length > ScanText.MaxIdentifier)
        {
            throw new ScanRecordException(".metadata.event_code", ScanText.Invariant($"the check id is {checkId.Length} characters long; at most {ScanText.MaxIdentifier} are allowed."));
        }

        f.CheckId = checkId;
        f.Title = String(findingInfo, "title", ".finding_info.title") ?? (firstCheck is { } t ? String(t, "name", ".compliance.checks[0].name") : null);
        var desc = String(findingInfo, "desc", ".finding_info.desc") ?? (compliance is { } cd ? String(cd, "desc", ".compliance.desc") : null);
        var risk = String(root, "risk_details", ".risk_details");
        f.Description = ScanText.Text(risk is null || risk == desc ? desc : desc is null ? risk : desc + "\n\nRisk: " + risk);

        if (Object(root, "remediation") is { } remediation)
        {
            if (ScanText.Text(String(remediation, "desc", ".remediation.desc")) is { } steps)
            {
                f.RemediationSteps.Add(steps);
            }

            foreach (var reference in Strings(remediation, "references", ".remediation.references"))
            {
                if (ScanText.Text(reference) is { } text)
                {
                    f.RemediationSteps.Add(text);
                }
            }
        }

        f.Impact = Severity(root);
        (f.Status, f.Muted) = Status(root, compliance);
        f.Time = Time(root, findingInfo);

        var cloud = Object(root, "cloud");
        var provider = cloud is { } cl ? String(cl, "provider", ".cloud.provider") : null;
        var account = cloud is { } ca && Object(ca, "account") is { } acc ? String(acc, "uid", ".cloud.account.uid") : null;
        var cloudRegion = cloud is { } cr ? String(cr, "region", ".cloud.region") : null;
        string? service = null;
        var resources = Resources(root, cls);

        // Decision: Prowler writes no cloud object for Kubernetes; a resource with a namespace says it is one.
        provider ??= resources.Any(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("namespace", out _)) ? "kubernetes" : null;
        for (var i = 0; i < resources.Count; i++)
        {
            var r = resources[i];
            var path = cls == ComplianceFindingClass && !root.TryGetProperty("resources", out _) ? ".resource" : ScanText.Invariant($".resources[{i}]");
            if (r.ValueKind != JsonValueKind.Object)
            {
                throw new ScanRecordException(path, "a resource must be a JSON object.");
            }

            var uid = String(r, "uid", path + ".uid");
            if (string.IsNullOrWhiteSpace(uid))
            {
                throw new ScanRecordException(path + ".uid", "the resource has no uid.");
            }

            if (uid.Length > ScanText.MaxIdentifier)
            {
                throw new ScanRecordException(path + ".uid", ScanText.Invariant($"the resource uid is {uid.Length} characters long; at most {ScanText.MaxIdentifier} are allowed."));
            }

            var type = String(r, "type", path + ".type");
            var region = String(r, "region", path + ".region") ?? cloudRegion;
            service ??= Object(r, "group") is { } g ? String(g, "name", path + ".group.name") : null;
            var tags = new List<string>(3);
            foreach (var label in Strings(r, "labels", path + ".labels"))
            {
                ScanText.AddTag(tags, label);
            }

            ScanText.AddTag(tags, region is null ? null : "region:" + region);
            ScanText.AddTag(tags, account is null ? null : "account:" + account);
            ScanText.AddTag(tags, provider is null ? null : "provider:" + provider.ToLowerInvariant());
            f.Resources.Add(new ScanResource(
                AssetIds.Normalize(uid),
                string.IsNullOrWhiteSpace(type) ? AssetKind.CloudResource : AssetKind.Parse(ScanText.Cut(type.Trim(), ScanText.MaxIdentifier)),
                String(r, "name", path + ".name") is { } n && !string.IsNullOrWhiteSpace(n) ? ScanText.Cut(n, ScanText.MaxIdentifier) : null,
                [.. tags]));
        }

        var scanner = metadata is { } m && Object(m, "product") is { } product ? String(product, "name", ".metadata.product.name") : null;
        var frameworks = new List<KeyValuePair<string, List<string>>>();
        if (Object(root, "unmapped") is { } unmapped && Object(unmapped, "compliance") is { } mappings)
        {
            foreach (var property in mappings.EnumerateObject())
            {
                frameworks.Add(new(property.Name, Strings(mappings, property.Name, ".unmapped.compliance." + property.Name)));
            }
        }

        List<string>? standards = null;
        List<string>? requirements = null;
        if (compliance is { } co)
        {
            standards = Strings(co, "standards", ".compliance.standards");
            requirements = Strings(co, "requirements", ".compliance.requirements");
            if (firstCheck is { } ch && Strings(ch, "standards", ".compliance.checks[0].standards") is { Count: > 0 } checkStandards)
            {
                standards.AddRange(checkStandards);
            }
        }

        FindingClassifier.Complete(f, provider, service, string.IsNullOrWhiteSpace(scanner) ? DefaultScanner : scanner.Trim(), frameworks, standards, requirements);

        // What ExposureSdk's own export adds so that a round trip gives back the same recommendation.
        if (Object(root, "unmapped") is { } own && Object(own, "exposuresdk") is { } sdk)
        {
            if (String(sdk, "source", ".unmapped.exposuresdk.source") is { } source)
            {
                f.Source = RecommendationSource.Parse(ScanText.Cut(source, ScanText.MaxIdentifier));
            }

            if (String(sdk, "workload", ".unmapped.exposuresdk.workload") is { } workload)
            {
                f.Workload = Workload.Parse(ScanText.Cut(workload, ScanText.MaxIdentifier));
            }

            if (String(sdk, "domain", ".unmapped.exposuresdk.domain") is { } domain)
            {
                f.Domain = SecurityDomain.Parse(ScanText.Cut(domain, ScanText.MaxIdentifier));
            }

            foreach (var threat in Strings(sdk, "threats", ".unmapped.exposuresdk.threats"))
            {
                ScanText.AddTag(f.Threats, threat);
            }

            if (sdk.TryGetProperty("tags", out _))
            {
                f.Tags.Clear();
                foreach (var tag in Strings(sdk, "tags", ".unmapped.exposuresdk.tags"))
                {
                    ScanText.AddTag(f.Tags, tag);
                }
            }
        }
    }

    private static IReadOnlyList<JsonElement> Resources(JsonElement root, int cls)
    {
        if (root.TryGetProperty("resources", out var resources))
        {
            if (resources.ValueKind != JsonValueKind.Array)
            {
                throw new ScanRecordException(".resources", "resources must be an array.");
            }

            if (resources.GetArrayLength() == 0)
            {
                throw new ScanRecordException(".resources", "the finding has no resources (an empty resources array): a result needs the resource it is about.");
            }

            return [.. resources.EnumerateArray()];
        }

        if (cls == ComplianceFindingClass && root.TryGetProperty("resource", out var single) && single.ValueKind == JsonValueKind.Object)
        {
            return [single];
        }

        throw new ScanRecordException(".resources", "the finding has no resources: a result needs the resource it is about.");
    }

    private static Impact Severity(JsonElement root)
    {
        if (root.TryGetProperty("severity_id", out var id) && id.ValueKind == JsonValueKind.Number)
        {
            if (!id.TryGetInt64(out var value) || value is < 0 or > 99 || (value > 6 && value != 99))
            {
                throw new ScanRecordException(".severity_id", ScanText.Invariant($"unknown severity_id {id.GetRawText()} (expected 0-6 or 99)."));
            }

            if (ScannerVocabulary.ImpactOf(value) is { } impact)
            {
                return impact;
            }
        }

        // Decision: Unknown (0), Other (99) or no severity at all counts as Medium, unless the caption says more.
        return ScannerVocabulary.ImpactOf(String(root, "severity", ".severity")) ?? Impact.Medium;
    }

    private static (AssessmentStatus Status, bool Muted) Status(JsonElement root, JsonElement? compliance)
    {
        // status_id 3 (Suppressed) is how OCSF (and Prowler) mark a muted finding.
        var muted = root.TryGetProperty("status_id", out var sid) && sid.ValueKind == JsonValueKind.Number && sid.TryGetInt32(out var s) && s == 3;
        var code = String(root, "status_code", ".status_code");
        if (code is not null)
        {
            return (StatusCode(code.Trim(), ".status_code"), muted);
        }

        if (compliance is { } c)
        {
            if (c.TryGetProperty("status_id", out var cid) && cid.ValueKind == JsonValueKind.Number)
            {
                return (cid.TryGetInt32(out var v) ? v : -1) switch
                {
                    1 => (AssessmentStatus.Healthy, muted),
                    3 => (AssessmentStatus.Unhealthy, muted),
                    2 => (AssessmentStatus.NotApplicable, muted), // Decision: Warning is neither a pass nor a fail: not assessed.
                    _ => throw new ScanRecordException(".compliance.status_id", ScanText.Invariant($"unknown compliance.status_id {cid.GetRawText()} (expected 1 Pass, 2 Warning or 3 Fail).")),
                };
            }

            if (String(c, "status_code", ".compliance.status_code") is { } cc)
            {
                return (StatusCode(cc.Trim(), ".compliance.status_code"), muted);
            }
        }

        throw new ScanRecordException(".status_code", "the finding has no status (status_code, or compliance.status_id for a Compliance Finding).");
    }

    private static AssessmentStatus StatusCode(string code, string field)
    {
        if (code.Equals("PASS", StringComparison.OrdinalIgnoreCase))
        {
            return AssessmentStatus.Healthy;
        }

        if (code.Equals("FAIL", StringComparison.OrdinalIgnoreCase))
        {
            return AssessmentStatus.Unhealthy;
        }

        if (code.Equals("MANUAL", StringComparison.OrdinalIgnoreCase))
        {
            return AssessmentStatus.NotApplicable;
        }

        throw new ScanRecordException(field, ScanText.Invariant($"unknown status '{ScanText.Cut(code, 64)}' (expected PASS, FAIL or MANUAL)."));
    }

    private static DateTimeOffset? Time(JsonElement root, JsonElement? findingInfo)
        => Epoch(root, "time") ?? IsoTime(root, "time_dt") ?? (findingInfo is { } fi ? Epoch(fi, "created_time") ?? IsoTime(fi, "created_time_dt") : null);

    /// <summary>OCSF times are epoch milliseconds; Prowler writes epoch seconds. Values below 10^11 are read as seconds (10^11 ms is 1973).</summary>
    private static DateTimeOffset? Epoch(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var n) || n <= 0)
        {
            return null;
        }

        try
        {
            return n < 100_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(n) : DateTimeOffset.FromUnixTimeMilliseconds(n);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static DateTimeOffset? IsoTime(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? ParseTime(ScanText.StringOf(v, "." + name)) : null;

    /// <summary>An ISO 8601 time; one without an offset (Prowler's <c>*_dt</c> and CSV <c>TIMESTAMP</c>) is UTC.</summary>
    internal static DateTimeOffset? ParseTime(string? text)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

    private static JsonElement? Object(JsonElement? e, string name)
        => e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    private static string? String(JsonElement? e, string name, string path)
    {
        if (e is not { ValueKind: JsonValueKind.Object } o || !o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => ScanText.StringOf(v, path) is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => v.GetRawText(),
            _ => throw new ScanRecordException(path, ScanText.Invariant($"expected a string, found {v.ValueKind}.")),
        };
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
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(ScanText.StringOf(item, ScanText.Invariant($"{path}[{i}]"))!);
            }
            else if (item.ValueKind != JsonValueKind.Null)
            {
                throw new ScanRecordException(ScanText.Invariant($"{path}[{i}]"), ScanText.Invariant($"expected a string, found {item.ValueKind}."));
            }

            i++;
        }

        return list;
    }
}

/// <summary>Asset ids as scanners write them: Azure Resource Manager ids compare case-insensitively, so they are kept in lower case (as the Defender for Cloud source does).</summary>
internal static class AssetIds
{
    public static string Normalize(string uid)
    {
        var id = uid.Trim();
        return id.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase) ? id.ToLowerInvariant() : id;
    }
}
