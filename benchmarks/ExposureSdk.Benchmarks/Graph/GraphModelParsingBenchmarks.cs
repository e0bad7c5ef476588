using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ExposureSdk.Providers.MicrosoftGraph.Models;
using Microsoft.Kiota.Serialization.Json;

namespace ExposureSdk.Benchmarks.Graph;

/// <summary>
/// Parsing Microsoft Graph Secure Score pages into the provider's Kiota models: a
/// <c>GET /security/secureScores</c> page of 90 days with 100 control scores a day (the history a first
/// run reads) and a <c>GET /security/secureScoreControlProfiles</c> page of 200 profiles. The pages are
/// the Graph fixtures (tests/fixtures/graph, v1 examples) with their entries repeated and renamed.
/// Baseline (the ceiling): a raw <see cref="Utf8JsonReader"/> pass over the same bytes.
/// </summary>
[MemoryDiagnoser]
public class GraphModelParsingBenchmarks
{
    private static readonly ConcurrentDictionary<string, long> Sizes = new();
    private byte[] _page = null!;

    [Params("secureScores (90 days x 100 controls)", "secureScoreControlProfiles (200)")]
    public string Page { get; set; } = null!;

    public static long Bytes(string method, IReadOnlyDictionary<string, object> parameters) =>
        Sizes.GetOrAdd((string)parameters[nameof(Page)], page => Payload(page).LongLength);

    public static double Items(string method, IReadOnlyDictionary<string, object> parameters) =>
        ((string)parameters[nameof(Page)]).StartsWith("secureScores ", StringComparison.Ordinal) ? 90 * 100 : 200;

    [GlobalSetup]
    public void Setup() => _page = Payload(Page);

    [Benchmark(Baseline = true, Description = "Ceiling: raw Utf8JsonReader pass (tokens only)")]
    public int RawReader()
    {
        var reader = new Utf8JsonReader(_page);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark(Description = "Kiota JsonParseNode into the provider's models")]
    public int ParseModels()
    {
        using var document = JsonDocument.Parse(_page);
        var node = new JsonParseNode(document.RootElement);
        return Page.StartsWith("secureScores ", StringComparison.Ordinal)
            ? node.GetObjectValue(SecureScoreCollectionResponse.CreateFromDiscriminatorValue)!.Value.Sum(s => s.ControlScores.Count)
            : node.GetObjectValue(SecureScoreControlProfileCollectionResponse.CreateFromDiscriminatorValue)!.Value.Count;
    }

    private static byte[] Payload(string page)
    {
        var fixtures = Path.Combine(RepositoryRoot(), "tests", "fixtures", "graph");
        if (page.StartsWith("secureScores ", StringComparison.Ordinal))
        {
            var root = JsonNode.Parse(File.ReadAllText(Path.Combine(fixtures, "secureScores.v1.example.json")))!;
            var day = root["value"]![0]!;
            var controls = day["controlScores"]!.AsArray();
            var template = controls.Select(c => c!.DeepClone()).ToArray();
            controls.Clear();
            for (var c = 0; c < 100; c++)
            {
                var control = template[c % template.Length].DeepClone();
                control["controlName"] = $"{control["controlName"]!.GetValue<string>()}{c}";
                control["score"] = c % 11;
                controls.Add(control);
            }

            var days = new JsonArray();
            var first = new DateTimeOffset(2026, 8, 24, 0, 0, 0, TimeSpan.Zero);
            for (var d = 0; d < 90; d++)
            {
                var copy = day.DeepClone();
                var date = first.AddDays(89 - d);
                copy["id"] = $"{copy["azureTenantId"]!.GetValue<string>()}_{date:yyyy-MM-dd}";
                copy["createdDateTime"] = date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                days.Add(copy);
            }

            root["value"] = days;
            root["@odata.nextLink"] = null;
            return Encoding.UTF8.GetBytes(root.ToJsonString());
        }

        var profiles = JsonNode.Parse(File.ReadAllText(Path.Combine(fixtures, "secureScoreControlProfiles.v1.example.json")))!;
        var list = profiles["value"]!.AsArray();
        var templates = list.Select(p => p!.DeepClone()).ToArray();
        list.Clear();
        for (var p = 0; p < 200; p++)
        {
            var profile = templates[p % templates.Length].DeepClone();
            profile["id"] = $"{profile["id"]!.GetValue<string>()}{p}";
            list.Add(profile);
        }

        return Encoding.UTF8.GetBytes(profiles.ToJsonString());
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; directory is not null && depth < 16; depth++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ExposureSdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No ExposureSdk.sln above {AppContext.BaseDirectory}; run the benchmarks from the repository.");
    }
}
