using System.Text;

namespace ExposureSdk.Providers.Scanners;

/// <summary>
/// Reads Prowler's CSV output record by record: semicolon-separated, a header row naming the columns
/// (42 in Prowler 5: <c>AUTH_METHOD</c> … <c>ADDITIONAL_URLS</c>), fields quoted with <c>"</c> when they
/// hold a separator, a quote or a line break. Columns are found by name, so their order may change;
/// <c>CHECK_ID</c>, <c>STATUS</c>, <c>SEVERITY</c> and <c>RESOURCE_UID</c> are required.
/// </summary>
internal sealed class ProwlerCsvReader
{
    private static readonly string[] Required = ["CHECK_ID", "STATUS", "SEVERITY", "RESOURCE_UID"];
    private static readonly string[] ReferenceColumns = ["REMEDIATION_CODE_NATIVEIAC", "REMEDIATION_CODE_TERRAFORM", "REMEDIATION_CODE_CLI", "REMEDIATION_CODE_OTHER", "REMEDIATION_RECOMMENDATION_URL"];
    private readonly TextReader _reader;
    private readonly int _maxRecordChars;
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
    private long _nextLine = 1;

    public ProwlerCsvReader(TextReader reader, int maxRecordChars)
    {
        _reader = reader;
        _maxRecordChars = maxRecordChars;
    }

    /// <summary>The 1-based line the current record starts on.</summary>
    public long Line { get; private set; }

    /// <summary>Reads the header; raises <see cref="ScanRecordException"/> when a required column is missing.</summary>
    public async ValueTask ReadHeaderAsync(CancellationToken cancellationToken)
    {
        if (!await ReadRecordAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new ScanRecordException("header", "the file is empty (expected Prowler's CSV header).", "line 1");
        }

        if (_fields.Count > 0 && _fields[0].Length > 0 && _fields[0][0] == '\uFEFF')
        {
            _fields[0] = _fields[0][1..];
        }

        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _fields.Count; i++)
        {
            _columns.TryAdd(_fields[i].Trim(), i);
        }

        var missing = Required.Where(c => !_columns.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new ScanRecordException("header", ScanText.Invariant($"the header lacks the column(s) {string.Join(", ", missing)} (a Prowler CSV has CHECK_ID, STATUS, SEVERITY and RESOURCE_UID, separated by ';')."), "line 1");
        }

        HeaderWidth = _fields.Count;
    }

    public int HeaderWidth { get; private set; }

    /// <summary>Reads and maps the next row into <paramref name="f"/>; <see langword="false"/> at the end.</summary>
    public async ValueTask<bool> ReadAsync(ScanFinding f, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!await ReadRecordAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            if (_fields.Count == 1 && _fields[0].Length == 0)
            {
                continue; // a blank line
            }

            if (_fields.Count != HeaderWidth)
            {
                throw new ScanRecordException("row", ScanText.Invariant($"the row has {_fields.Count} field(s) but the header has {HeaderWidth} (a truncated or broken row)."), ScanText.Invariant($"line {Line}"));
            }

            Map(f);
            return true;
        }
    }

    private void Map(ScanFinding f)
    {
        f.Clear();
        var checkId = Get("CHECK_ID");
        if (string.IsNullOrWhiteSpace(checkId))
        {
            throw new ScanRecordException("CHECK_ID", ScanText.Invariant($"the row has no CHECK_ID."), ScanText.Invariant($"line {Line}"));
        }

        if (checkId.Length > ScanText.MaxIdentifier)
        {
            throw new ScanRecordException("CHECK_ID", ScanText.Invariant($"CHECK_ID is {checkId.Length} characters long; at most {ScanText.MaxIdentifier} are allowed."), ScanText.Invariant($"line {Line}"));
        }

        f.CheckId = checkId.Trim();
        f.Title = Get("CHECK_TITLE");
        var desc = Get("DESCRIPTION");
        var risk = Get("RISK");
        f.Description = ScanText.Text(string.IsNullOrWhiteSpace(risk) || risk == desc ? desc : string.IsNullOrWhiteSpace(desc) ? risk : desc + "\n\nRisk: " + risk);
        if (ScanText.Text(Get("REMEDIATION_RECOMMENDATION_TEXT")) is { } text)
        {
            f.RemediationSteps.Add(text);
        }

        foreach (var column in ReferenceColumns)
        {
            if (ScanText.Text(Get(column)) is { } reference)
            {
                f.RemediationSteps.Add(reference);
            }
        }

        var severity = Get("SEVERITY");
        f.Impact = ScannerVocabulary.ImpactOf(severity)
            ?? (string.IsNullOrWhiteSpace(severity) ? Impact.Medium : throw new ScanRecordException("SEVERITY", ScanText.Invariant($"unknown SEVERITY '{ScanText.Cut(severity, 64)}' (expected critical, high, medium, low or informational)."), ScanText.Invariant($"line {Line}")));
        var status = Get("STATUS")?.Trim() ?? string.Empty;
        f.Status = status.ToUpperInvariant() switch
        {
            "PASS" => AssessmentStatus.Healthy,
            "FAIL" => AssessmentStatus.Unhealthy,
            "MANUAL" => AssessmentStatus.NotApplicable,
            _ => throw new ScanRecordException("STATUS", ScanText.Invariant($"unknown STATUS '{ScanText.Cut(status, 64)}' (expected PASS, FAIL or MANUAL)."), ScanText.Invariant($"line {Line}")),
        };
        var muted = Get("MUTED")?.Trim();
        f.Muted = muted switch
        {
            null or "" => false,
            _ when muted.Equals("True", StringComparison.OrdinalIgnoreCase) => true,
            _ when muted.Equals("False", StringComparison.OrdinalIgnoreCase) => false,
            _ => throw new ScanRecordException("MUTED", ScanText.Invariant($"unknown MUTED '{ScanText.Cut(muted, 64)}' (expected True or False)."), ScanText.Invariant($"line {Line}")),
        };
        f.Time = OcsfFindingMapper.ParseTime(Get("TIMESTAMP"));

        var uid = Get("RESOURCE_UID");
        if (string.IsNullOrWhiteSpace(uid))
        {
            throw new ScanRecordException("RESOURCE_UID", ScanText.Invariant($"the row has no RESOURCE_UID: a result needs the resource it is about."), ScanText.Invariant($"line {Line}"));
        }

        if (uid.Length > ScanText.MaxIdentifier)
        {
            throw new ScanRecordException("RESOURCE_UID", ScanText.Invariant($"RESOURCE_UID is {uid.Length} characters long; at most {ScanText.MaxIdentifier} are allowed."), ScanText.Invariant($"line {Line}"));
        }

        var provider = Get("PROVIDER");
        var region = Get("REGION");
        var account = Get("ACCOUNT_UID");
        var tags = new List<string>(3);
        ScanText.AddTag(tags, string.IsNullOrWhiteSpace(region) ? null : "region:" + region);
        ScanText.AddTag(tags, string.IsNullOrWhiteSpace(account) ? null : "account:" + account);
        ScanText.AddTag(tags, string.IsNullOrWhiteSpace(provider) ? null : "provider:" + provider.ToLowerInvariant());
        var type = Get("RESOURCE_TYPE");
        var name = Get("RESOURCE_NAME");
        f.Resources.Add(new ScanResource(
            AssetIds.Normalize(uid),
            string.IsNullOrWhiteSpace(type) ? AssetKind.CloudResource : AssetKind.Parse(ScanText.Cut(type.Trim(), ScanText.MaxIdentifier)),
            string.IsNullOrWhiteSpace(name) ? null : ScanText.Cut(name, ScanText.MaxIdentifier),
            [.. tags]));

        FindingClassifier.Complete(f, string.IsNullOrWhiteSpace(provider) ? null : provider, Get("SERVICE_NAME"), "Prowler", Compliance(Get("COMPLIANCE")));
    }

    /// <summary>Prowler flattens <c>{framework: [requirements]}</c> as <c>FW: a, b | FW2: c</c>.</summary>
    private static List<KeyValuePair<string, List<string>>> Compliance(string? text)
    {
        var result = new List<KeyValuePair<string, List<string>>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        foreach (var part in text.Split(" | ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var requirements = part[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            result.Add(new(part[..colon].Trim(), requirements));
        }

        return result;
    }

    private string? Get(string column)
        => _columns.TryGetValue(column, out var i) && i < _fields.Count && _fields[i].Length > 0 ? _fields[i] : null;

    /// <summary>Reads one CSV record (which may span lines inside quotes) into <see cref="_fields"/>.</summary>
    private async ValueTask<bool> ReadRecordAsync(CancellationToken cancellationToken)
    {
        _fields.Clear();
        _field.Clear();
        Line = _nextLine;
        var line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line is null)
        {
            return false;
        }

        _nextLine++;
        var quoted = false;
        var chars = 0;
        while (true)
        {
            for (var i = 0; i < line.Length; i++)
            {
                var ch = line[i];
                if (quoted)
                {
                    if (ch == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            _field.Append('"');
                            i++;
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        _field.Append(ch);
                    }
                }
                else if (ch == ';')
                {
                    _fields.Add(_field.ToString());
                    _field.Clear();
                }
                else if (ch == '"' && _field.Length == 0)
                {
                    quoted = true;
                }
                else
                {
                    _field.Append(ch);
                }
            }

            chars += line.Length;
            if (chars > _maxRecordChars)
            {
                throw new ScanRecordException("row", ScanText.Invariant($"the row is longer than {_maxRecordChars} characters."), ScanText.Invariant($"line {Line}"));
            }

            if (!quoted)
            {
                _fields.Add(_field.ToString());
                _field.Clear();
                return true;
            }

            line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                throw new ScanRecordException("row", ScanText.Invariant($"the file ends inside a quoted field (truncated)."), ScanText.Invariant($"line {Line}"));
            }

            _nextLine++;
            _field.Append('\n');
        }
    }
}
