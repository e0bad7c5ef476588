using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ExposureSdk.Providers.DefenderForCloud;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Serialization.Json;

namespace ExposureSdk.Benchmarks.Providers;

/// <summary>
/// Defender for Cloud mapping throughput (issue 12): a generated tenant of <see cref="Assessments"/>
/// assessments served as Azure Resource Graph pages of 1,000 rows (the <c>securityresources</c> rows the
/// provider's query projects: id, name, type, subscriptionId, properties) from memory by an
/// <see cref="HttpMessageHandler"/>, read by <see cref="DefenderForCloudProvider.ReadAsync"/> through its
/// Kiota pipeline. Baseline (the ceiling): one raw <see cref="Utf8JsonReader"/> pass over the same page
/// bytes that only tokenises. ARM's read bucket (250 requests, 25 a second) runs on a clock 1,000 times
/// faster than real time, so the service's throttling, which is not the SDK's work, is not measured.
/// The memory the read holds per assessment is measured once per process, in the provider's global
/// setup, and written to the log (<c>// Held:</c>).
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes them in [GlobalCleanup].")]
public class DefenderForCloudMappingBenchmarks
{
    private const int PageRows = 1000;
    private ResourceGraphTenant _tenant = null!;
    private DefenderForCloudProvider? _provider;
    private HttpClient? _httpClient;

    [Params(1_000_000)]
    public int Assessments { get; set; }

    public static double Items(string method, IReadOnlyDictionary<string, object> parameters) => (int)parameters[nameof(Assessments)];

    public static long Bytes(string method, IReadOnlyDictionary<string, object> parameters) =>
        ResourceGraphTenant.For((int)parameters[nameof(Assessments)]).AssessmentBytes;

    [GlobalSetup(Target = nameof(RawReader))]
    public void SetupRaw() => _tenant = ResourceGraphTenant.For(Assessments);

    [GlobalSetup(Target = nameof(Provider))]
    public void SetupProvider()
    {
        _tenant = ResourceGraphTenant.For(Assessments);
        var handlers = KiotaClientFactory.CreateDefaultHandlers().Where(h => h is not RetryHandler).ToList();
        _httpClient = KiotaClientFactory.Create(handlers, new TenantHandler(_tenant));
        var parseNodes = new ParseNodeFactoryRegistry();
        parseNodes.ContentTypeAssociatedFactories["application/json"] = new JsonParseNodeFactory();
        var writers = new SerializationWriterFactoryRegistry();
        writers.ContentTypeAssociatedFactories["application/json"] = new JsonSerializationWriterFactory();
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), parseNodes, writers, _httpClient) { BaseUrl = "https://management.azure.com" };
        _provider = new DefenderForCloudProvider(adapter, new DefenderForCloudOptions { ReadPath = DefenderForCloudReadPath.ResourceGraph }, new FastClock());

        // Memory held: GC heap growth from before the read to its last page, with the page handed over and dropped as a consumer would.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long held = 0, seen = 0;
        var result = _provider.ReadAsync(
            (page, _) =>
            {
                seen += page.Assessments.Count;
                if (seen == Assessments)
                {
                    held = GC.GetTotalMemory(forceFullCollection: true) - before;
                }

                return ValueTask.CompletedTask;
            }).GetAwaiter().GetResult();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Held: {held:N0} B during the read of {seen:N0} assessments on {_tenant.Resources:N0} resources = {(double)held / seen:F1} B per assessment ({(double)held / _tenant.Resources:F1} B per resource); {result.Recommendations.Count} recommendations"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider?.Dispose();
        _httpClient?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Ceiling: raw Utf8JsonReader pass over the pages (tokens only)")]
    public long RawReader()
    {
        long tokens = 0;
        foreach (var page in _tenant.AssessmentPages)
        {
            var reader = new Utf8JsonReader(page);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    [Benchmark(Description = "DefenderForCloudProvider.ReadAsync over Resource Graph (Kiota, mapping, control points)")]
    public long Provider()
    {
        long assessments = 0;
        _provider!.ReadAsync(
            (page, _) =>
            {
                assessments += page.Assessments.Count;
                return ValueTask.CompletedTask;
            }).GetAwaiter().GetResult();
        return assessments;
    }

    /// <summary>A clock 1,000 times faster than real time for the read bucket's waits (timers fire 1,000 times sooner).</summary>
    private sealed class FastClock : TimeProvider
    {
        private const long Speed = 1000;
        private readonly long _start = Stopwatch.GetTimestamp();

        public override long TimestampFrequency => Stopwatch.Frequency;

        public override long GetTimestamp() => _start + ((Stopwatch.GetTimestamp() - _start) * Speed);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
            => TimeProvider.System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

        private static TimeSpan Scale(TimeSpan value) => value == Timeout.InfiniteTimeSpan ? value : TimeSpan.FromTicks(value.Ticks / Speed);
    }

    /// <summary>Serves the tenant's ARM and Resource Graph answers from memory.</summary>
    private sealed class TenantHandler(ResourceGraphTenant tenant) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            byte[] body;
            if (request.Method == HttpMethod.Post && path.Equals("/providers/Microsoft.ResourceGraph/resources", StringComparison.OrdinalIgnoreCase))
            {
                using var query = JsonDocument.Parse(await request.Content!.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
                var text = query.RootElement.GetProperty("query").GetString()!;
                var page = query.RootElement.TryGetProperty("options", out var options) && options.TryGetProperty("$skipToken", out var token)
                    ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token.GetString()!)), CultureInfo.InvariantCulture)
                    : 0;
                body = text.Contains("microsoft.security/assessments'", StringComparison.Ordinal) ? tenant.AssessmentPages[page]
                    : text.Contains("microsoft.security/pricings'", StringComparison.Ordinal) ? tenant.Pricings
                    : ResourceGraphTenant.EmptyPage;
            }
            else if (path == "/subscriptions")
            {
                body = tenant.SubscriptionList;
            }
            else if (path.EndsWith("/assessmentMetadata", StringComparison.OrdinalIgnoreCase))
            {
                body = tenant.Metadata;
            }
            else
            {
                body = "{\"value\":[]}"u8.ToArray();
            }

            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }
    }
}

/// <summary>
/// A generated Defender for Cloud tenant: 4 subscriptions, 48 assessment metadata entries (6 per resource
/// family, 8 families), one resource per 6 assessments, statuses drawn deterministically (60 % Healthy,
/// 20 % Unhealthy, 20 % NotApplicable), as Resource Graph pages of 1,000 rows with <c>$skipToken</c>s.
/// </summary>
internal sealed class ResourceGraphTenant
{
    public static readonly byte[] EmptyPage = "{\"totalRecords\":0,\"count\":0,\"resultTruncated\":\"false\",\"facets\":[],\"data\":[]}"u8.ToArray();

    private const int PerResource = 6;
    private static readonly string[] Subscriptions = ["0b5e6c1a-0000-4000-8000-000000000001", "0b5e6c1a-0000-4000-8000-000000000002", "0b5e6c1a-0000-4000-8000-000000000003", "0b5e6c1a-0000-4000-8000-000000000004"];
    private static readonly string[] Types =
    [
        "Microsoft.Compute/virtualMachines", "Microsoft.Storage/storageAccounts", "Microsoft.KeyVault/vaults", "Microsoft.Sql/servers",
        "Microsoft.ContainerService/managedClusters", "Microsoft.Web/sites", "Microsoft.Network/networkSecurityGroups", "Microsoft.Network/publicIPAddresses",
    ];

    private static readonly Dictionary<int, ResourceGraphTenant> Cache = [];

    private ResourceGraphTenant(int assessments)
    {
        Resources = (assessments + PerResource - 1) / PerResource;
        var pages = new List<byte[]>();
        var json = new StringBuilder(1 << 20);
        var pageCount = (assessments + 999) / 1000;
        for (var p = 0; p < pageCount; p++)
        {
            json.Clear().Append("{\"totalRecords\":").Append(assessments).Append(",\"count\":").Append(Math.Min(1000, assessments - (p * 1000)))
                .Append(",\"resultTruncated\":\"false\",\"facets\":[],\"data\":[");
            for (var i = p * 1000; i < Math.Min(assessments, (p + 1) * 1000); i++)
            {
                if (i > p * 1000)
                {
                    json.Append(',');
                }

                Row(json, i);
            }

            json.Append(']');
            if (p + 1 < pageCount)
            {
                json.Append(",\"$skipToken\":\"").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes((p + 1).ToString(CultureInfo.InvariantCulture)))).Append('"');
            }

            pages.Add(Encoding.UTF8.GetBytes(json.Append('}').ToString()));
        }

        AssessmentPages = [.. pages];
        AssessmentBytes = AssessmentPages.Sum(p => (long)p.Length);
        SubscriptionList = Encoding.UTF8.GetBytes("{\"value\":[" + string.Join(",", Subscriptions.Select(s => $"{{\"id\":\"/subscriptions/{s}\",\"subscriptionId\":\"{s}\",\"displayName\":\"Contoso {s[^1]}\",\"state\":\"Enabled\",\"tenantId\":\"31c75423-32d6-4322-88b7-c478bdde4858\"}}")) + "]}");
        Metadata = Encoding.UTF8.GetBytes("{\"value\":[" + string.Join(",", Enumerable.Range(0, Types.Length * PerResource).Select(m =>
            $"{{\"id\":\"/providers/Microsoft.Security/assessmentMetadata/{MetadataName(m)}\",\"name\":\"{MetadataName(m)}\",\"type\":\"Microsoft.Security/assessmentMetadata\",\"properties\":{{\"displayName\":\"{Types[m / PerResource].Split('/')[1]} recommendation {m % PerResource}\",\"description\":\"Generated recommendation {m} for the benchmark.\",\"remediationDescription\":\"Step one.<br>Step <b>two</b>: <a href=\\\"https://learn.microsoft.com/azure\\\">read</a>\",\"categories\":[\"Compute\"],\"severity\":\"{(m % 3 == 0 ? "High" : m % 3 == 1 ? "Medium" : "Low")}\",\"userImpact\":\"Low\",\"implementationEffort\":\"Moderate\",\"threats\":[\"dataExfiltration\"],\"assessmentType\":\"BuiltIn\"}}}}")) + "]}");
        Pricings = Encoding.UTF8.GetBytes("{\"totalRecords\":4,\"count\":4,\"resultTruncated\":\"false\",\"facets\":[],\"data\":[" + string.Join(",", Subscriptions.Select(s =>
            $"{{\"id\":\"/subscriptions/{s}/providers/Microsoft.Security/pricings/CloudPosture\",\"name\":\"CloudPosture\",\"type\":\"microsoft.security/pricings\",\"subscriptionId\":\"{s}\",\"properties\":{{\"pricingTier\":\"Standard\"}}}}")) + "]}");
    }

    public byte[][] AssessmentPages { get; }

    public long AssessmentBytes { get; }

    public int Resources { get; }

    public byte[] SubscriptionList { get; }

    public byte[] Metadata { get; }

    public byte[] Pricings { get; }

    public static ResourceGraphTenant For(int assessments)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(assessments, out var tenant))
            {
                Cache[assessments] = tenant = new ResourceGraphTenant(assessments);
            }

            return tenant;
        }
    }

    private static string MetadataName(int m) => string.Create(CultureInfo.InvariantCulture, $"0b1c2d3e-0000-4000-8000-{m:D12}");

    private static void Row(StringBuilder json, int i)
    {
        var resource = i / PerResource;
        var family = resource % Types.Length;
        var metadata = MetadataName((family * PerResource) + (i % PerResource));
        var subscription = Subscriptions[resource % Subscriptions.Length];
        var resourceId = string.Create(CultureInfo.InvariantCulture, $"/subscriptions/{subscription}/resourceGroups/rg-{resource % 50:D2}/providers/{Types[family]}/res-{resource:D7}");
        var draw = (uint)((ulong)(uint)i * 2654435761UL) % 10;
        var status = draw < 6 ? "Healthy" : draw < 8 ? "Unhealthy" : "NotApplicable";
        var cause = status == "NotApplicable" ? ",\"cause\":\"OffByPolicy\",\"description\":\"The effective policy for the assessment was evaluated to off\"" : string.Empty;
        var changed = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i % 40_000).ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
        json.Append("{\"id\":\"").Append(resourceId).Append("/providers/Microsoft.Security/assessments/").Append(metadata)
            .Append("\",\"name\":\"").Append(metadata)
            .Append("\",\"type\":\"microsoft.security/assessments\",\"subscriptionId\":\"").Append(subscription)
            .Append("\",\"properties\":{\"resourceDetails\":{\"Source\":\"Azure\",\"Id\":\"").Append(resourceId)
            .Append("\",\"ResourceProvider\":\"").Append(Types[family].Split('/')[0].ToLowerInvariant())
            .Append("\",\"ResourceType\":\"").Append(Types[family].Split('/')[1].ToLowerInvariant())
            .Append("\",\"ResourceName\":\"res-").Append(resource.ToString("D7", CultureInfo.InvariantCulture))
            .Append("\"},\"displayName\":\"").Append(Types[family].Split('/')[1]).Append(" recommendation ").Append(i % PerResource)
            .Append("\",\"status\":{\"code\":\"").Append(status).Append('"').Append(cause)
            .Append(",\"firstEvaluationDate\":\"2026-10-01T00:00:00.0000000Z\",\"statusChangeDate\":\"").Append(changed)
            .Append("\"},\"additionalData\":{},\"links\":{\"azurePortalUri\":\"https://portal.azure.com/#view/Microsoft_Azure_Security/GenericRecommendationDetailsBlade/assessmentKey/").Append(metadata)
            .Append("\"}}}");
    }
}
