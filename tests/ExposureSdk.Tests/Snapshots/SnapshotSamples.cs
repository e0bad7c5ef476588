using System.Text;

namespace ExposureSdk.Tests.Snapshots;

/// <summary>Snapshot documents and snapshots for the reader and writer tests.</summary>
internal static class SnapshotSamples
{
    /// <summary>The example of contracts §1, with every field.</summary>
    public const string ContractExample = """
        {
          "schemaVersion": 1,
          "tenantId": "contoso",
          "asOf": "2026-11-21T06:00:00Z",
          "assets": [
            { "id": "dev-0001", "kind": "Device", "name": "LAPTOP-01", "criticality": "High", "tags": ["finance"] }
          ],
          "recommendations": [
            { "id": "mfa-admins", "name": "Require MFA for administrative roles",
              "source": "Microsoft Secure Score",
              "workload": "Microsoft Entra ID",
              "domain": "Identity",
              "impact": "High",
              "description": "Admins without MFA are the first target.", "remediationSteps": ["Open Conditional Access", "Require MFA for admin roles"],
              "manageUrl": "https://entra.microsoft.com/#view/Microsoft_AAD_ConditionalAccess",
              "maxPoints": 10,
              "state": "MitigatedByOrganization",
              "riskAccepted": false,
              "lastCalculated": "2026-11-21T05:00:00Z", "lastStateChange": "2026-11-20T05:00:00+02:00",
              "threats": ["accountBreach"], "tags": ["cis-1.1.1"],
              "counts": { "affected": 3, "total": 10 }
            },
            { "id": "edr-block", "name": "Turn on EDR in block mode", "source": "Microsoft Defender Vulnerability Management",
              "workload": "Defender for Endpoint", "domain": "Devices", "impact": "Medium" }
          ],
          "assessments": [
            { "recommendationId": "edr-block", "assetId": "dev-0001", "status": "Unhealthy" },
            { "recommendationId": "edr-block", "assetId": "dev-0002", "status": "Healthy" }
          ],
          "metrics": [
            { "id": "admins-without-mfa", "name": "Percent of admins without MFA",
              "weight": "High",
              "recommendationIds": ["mfa-admins"],
              "selector": { "domains": ["Identity"], "workloads": ["Microsoft Entra ID"], "sources": [], "threats": ["accountBreach"], "tags": [] },
              "description": "Share of admins that can sign in without MFA." }
          ],
          "initiatives": [
            { "id": "identity-security", "name": "Identity Security",
              "kind": "Workload",
              "metricIds": ["admins-without-mfa"],
              "recommendationIds": [],
              "targetScore": 80, "favorite": true, "description": "Protect identities." }
          ]
        }
        """;

    /// <summary>A minimal valid document; <paramref name="recommendations"/> and <paramref name="extra"/> are spliced in.</summary>
    public static string Minimal(string recommendations = "[]", string extra = "")
        => $$"""{"schemaVersion": 1, "tenantId": "t", "asOf": "2026-11-21T06:00:00Z", "recommendations": {{recommendations}}{{extra}}}""";

    /// <summary>One recommendation with the required fields; <paramref name="extra"/> is spliced in (start it with a comma).</summary>
    public static string Recommendation(string id = "r1", string extra = "")
        => $$"""{"id": "{{id}}", "name": "N", "source": "S", "workload": "W", "domain": "Identity", "impact": "High"{{extra}}}""";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A snapshot that uses every field of every record, including non-ASCII text and characters JSON escapes.</summary>
    public static ExposureSnapshot Full()
    {
        var at = new DateTimeOffset(2026, 11, 21, 6, 0, 0, 123, TimeSpan.Zero);
        Recommendation[] recommendations =
        [
            new("mfa-admins", "Require MFA for administrative roles", RecommendationSource.MicrosoftSecureScore, Workload.MicrosoftEntraId, SecurityDomain.Identity, Impact.High,
                "Line one\nline \"two\" with ünïcödé, emoji 🔐, tab\t and <html> & + signs", ["Step 1", "Step 2: \\ backslash"],
                new Uri("https://entra.microsoft.com/#view/x?a=1&b=2"), 7.5, ComplianceState.NotCompliant, true, at.AddHours(-1), at.AddDays(-2),
                ["accountBreach", "elevationOfPrivilege"], ["cis-1.1.1", "admin"], new ResultCounts(3, 10)),
            new("edr", "EDR in block mode", "Partner Scanner", "Contoso EDR", SecurityDomain.Devices, Impact.Low, maxPoints: 0),
            new("no-points", "Nothing optional", RecommendationSource.CisBenchmark, Workload.Okta, SecurityDomain.SaaS, Impact.Medium),
        ];
        Asset[] assets =
        [
            new("dev-1", AssetKind.Device, "LAPTOP-01", AssetCriticality.VeryHigh, ["finance"]),
            new("user-1", AssetKind.Identity),
            new("mailbox-1", "Mailbox", "Shared mailbox", AssetCriticality.Low),
        ];
        Assessment[] assessments =
        [
            new("edr", "dev-1", AssessmentStatus.Unhealthy),
            new("edr", "dev-2", AssessmentStatus.Healthy),
            new("mfa-admins", "user-1", AssessmentStatus.NotApplicable),
        ];
        Metric[] metrics =
        [
            new("m1", "Admins without MFA", MetricWeight.High, ["mfa-admins"],
                new MetricSelector([SecurityDomain.Identity], [Workload.MicrosoftEntraId], [RecommendationSource.MicrosoftSecureScore], ["accountBreach"], ["admin"], [Impact.High, Impact.Medium]),
                "Share of admins without MFA."),
            new("m2", "Devices", MetricWeight.RiskAccepted, selector: new MetricSelector()),
            new("m3", "Plain", MetricWeight.Low),
        ];
        Initiative[] initiatives =
        [
            new("identity", "Identity Security", InitiativeKind.Workload, ["m1", "m2"], ["mfa-admins"], 80.5, true, "Protect identities."),
            new("ta", "Threat analytics", InitiativeKind.ThreatAnalytics, recommendationIds: ["edr"]),
            new("zt", "Zero Trust", InitiativeKind.ZeroTrust, targetScore: 0),
        ];
        return new ExposureSnapshot("contoso", at, recommendations, assets, assessments, metrics, initiatives);
    }
}

/// <summary>A stream that returns at most <c>chunk</c> bytes per read, to exercise the reader's refills.</summary>
internal sealed class TrickleStream(byte[] data, int chunk) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => data.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, chunk), data.Length - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>
/// A stream that generates a large snapshot document on the fly (never holding its text): 100
/// recommendations, <c>assetCount</c> assets, and one assessment per recommendation and asset.
/// </summary>
internal sealed class GeneratedDocumentStream : Stream
{
    private readonly IEnumerator<byte[]> _chunks;
    private byte[] _current = [];
    private int _offset;

    public GeneratedDocumentStream(int recommendationCount, int assetCount) => _chunks = Generate(recommendationCount, assetCount).GetEnumerator();

    public long BytesProduced { get; private set; }

    private static IEnumerable<byte[]> Generate(int recommendationCount, int assetCount)
    {
        yield return SnapshotSamples.Utf8("""{"schemaVersion":1,"tenantId":"big","asOf":"2026-11-21T06:00:00Z","recommendations":[""");
        for (var r = 0; r < recommendationCount; r++)
        {
            yield return SnapshotSamples.Utf8((r == 0 ? string.Empty : ",") + SnapshotSamples.Recommendation($"rec-{r:D3}"));
        }

        yield return SnapshotSamples.Utf8("""],"assessments":[""");
        var text = new StringBuilder();
        for (var r = 0; r < recommendationCount; r++)
        {
            for (var a = 0; a < assetCount; a++)
            {
                text.Append(r == 0 && a == 0 ? "" : ",")
                    .Append("{\"recommendationId\":\"rec-").Append(r.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))
                    .Append("\",\"assetId\":\"asset-").Append(a.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Append("\",\"status\":").Append(a % 7 == 0 ? "\"Unhealthy\"" : a % 11 == 0 ? "\"NotApplicable\"" : "\"Healthy\"").Append("}\n");
                if (text.Length > 32 * 1024)
                {
                    yield return SnapshotSamples.Utf8(text.ToString());
                    text.Clear();
                }
            }
        }

        text.Append("]}");
        yield return SnapshotSamples.Utf8(text.ToString());
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesProduced; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (_offset == _current.Length)
        {
            if (!_chunks.MoveNext())
            {
                return 0;
            }

            _current = _chunks.Current;
            _offset = 0;
        }

        var n = Math.Min(count, _current.Length - _offset);
        Array.Copy(_current, _offset, buffer, offset, n);
        _offset += n;
        BytesProduced += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chunks.Dispose();
        }

        base.Dispose(disposing);
    }
}
