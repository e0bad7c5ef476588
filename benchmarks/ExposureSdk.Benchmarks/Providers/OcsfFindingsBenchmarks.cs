using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ExposureSdk.Providers.Scanners;

namespace ExposureSdk.Benchmarks.Providers;

/// <summary>
/// The OCSF provider's reader (issue 13): <see cref="OcsfFindingReader.ReadFileAsync"/> on a generated file
/// of <see cref="Findings"/> Prowler Detection Findings (a JSON array, as Prowler writes it; each record is
/// the first finding of the published Azure fixture with its check, resource, status and severity varied:
/// 500 checks, 200,000 resources, five findings per resource). Baseline (the ceiling): one raw
/// <see cref="Utf8JsonReader"/> pass over the same file bytes, streamed through the same 64 KiB reads.
/// The file is generated once into the temporary folder and reused. The memory the result holds per
/// finding is measured once per process, in the reader's global setup, and written to the log
/// (<c>// Held:</c>).
/// </summary>
[MemoryDiagnoser]
public class OcsfFindingsBenchmarks
{
    private string _path = null!;

    [Params(1_000_000)]
    public int Findings { get; set; }

    public static double Items(string method, IReadOnlyDictionary<string, object> parameters) => (int)parameters[nameof(Findings)];

    public static long Bytes(string method, IReadOnlyDictionary<string, object> parameters) =>
        new FileInfo(OcsfFindingsFile.Ensure((int)parameters[nameof(Findings)])).Length;

    [GlobalSetup(Target = nameof(RawReader))]
    public void SetupRaw() => _path = OcsfFindingsFile.Ensure(Findings);

    [GlobalSetup(Target = nameof(Reader))]
    public void SetupReader()
    {
        _path = OcsfFindingsFile.Ensure(Findings);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var result = OcsfFindingReader.ReadFileAsync(_path).GetAwaiter().GetResult();
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Held: {held:N0} B by the ScanResult of {result.RecordCount:N0} findings ({result.Recommendations.Count:N0} recommendations, {result.Assets.Count:N0} assets, {result.Assessments.Count:N0} results) = {(double)held / result.RecordCount:F1} B per finding"));
        GC.KeepAlive(result);
    }

    [Benchmark(Baseline = true, Description = "Ceiling: raw Utf8JsonReader pass over the file (tokens only)")]
    public long RawReader()
    {
        using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[64 * 1024];
        var state = default(JsonReaderState);
        long tokens = 0;
        var kept = 0;
        while (true)
        {
            var read = file.Read(buffer, kept, buffer.Length - kept);
            var final = read == 0;
            var reader = new Utf8JsonReader(buffer.AsSpan(0, kept + read), final, state);
            while (reader.Read())
            {
                tokens++;
            }

            if (final)
            {
                return tokens;
            }

            state = reader.CurrentState;
            kept = kept + read - (int)reader.BytesConsumed;
            if (kept == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            buffer.AsSpan((int)reader.BytesConsumed, kept).CopyTo(buffer);
        }
    }

    [Benchmark(Description = "OcsfFindingReader.ReadFileAsync to a ScanResult")]
    public int Reader() => OcsfFindingReader.ReadFileAsync(_path).GetAwaiter().GetResult().Assessments.Count;
}

/// <summary>Writes the generated findings file once (temporary folder, named by size and generator version).</summary>
internal static class OcsfFindingsFile
{
    private const int Checks = 500;
    private const int PerResource = 5;
    private static readonly object Gate = new();

    public static string Ensure(int findings)
    {
        var path = Path.Combine(Path.GetTempPath(), "exposuresdk-benchmarks", string.Create(CultureInfo.InvariantCulture, $"prowler-{findings}-v1.ocsf.json"));
        lock (Gate)
        {
            if (File.Exists(path))
            {
                return path;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var template = JsonNode.Parse(File.ReadAllText(Fixture("prowler", "example_output_azure.ocsf.json")))!.AsArray()[0]!;
            var partial = path + ".partial";
            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartArray();
                for (var i = 0; i < findings; i++)
                {
                    Finding(template, i).WriteTo(writer);
                    if (writer.BytesPending > 1 << 20)
                    {
                        writer.Flush();
                    }
                }

                writer.WriteEndArray();
            }

            File.Move(partial, path, overwrite: true);
            return path;
        }
    }

    private static JsonNode Finding(JsonNode template, int i)
    {
        var resource = i / PerResource;
        var check = ((resource * 7) + (i % PerResource)) % Checks;
        var draw = (uint)((ulong)(uint)i * 2654435761UL) % 10;
        var finding = template.DeepClone();
        var code = string.Create(CultureInfo.InvariantCulture, $"generated_check_{check:D3}");
        finding["metadata"]!["event_code"] = code;
        finding["finding_info"]!["uid"] = string.Create(CultureInfo.InvariantCulture, $"prowler-azure-{code}-{resource:D7}");
        finding["finding_info"]!["title"] = string.Create(CultureInfo.InvariantCulture, $"Generated check {check}");
        finding["status_code"] = draw < 6 ? "PASS" : draw < 9 ? "FAIL" : "MANUAL";
        finding["severity"] = (check % 4) switch { 0 => "Low", 1 => "Medium", 2 => "High", _ => "Critical" };
        finding["severity_id"] = (check % 4) + 2;
        var r = finding["resources"]![0]!;
        r["uid"] = string.Create(CultureInfo.InvariantCulture, $"/subscriptions/0b5e6c1a-0000-4000-8000-{resource % 8:D12}/resourceGroups/rg-{resource % 50:D2}/providers/Microsoft.Insights/components/app-{resource:D7}");
        r["name"] = string.Create(CultureInfo.InvariantCulture, $"app-{resource:D7}");
        finding["unmapped"]!["compliance"] = new JsonObject
        {
            ["CIS-2.1"] = new JsonArray(string.Create(CultureInfo.InvariantCulture, $"{(check % 9) + 1}.{check % 7}.{check % 5}")),
            ["CIS-3.0"] = new JsonArray(string.Create(CultureInfo.InvariantCulture, $"{(check % 9) + 1}.{check % 6}.{check % 4}")),
        };
        return finding;
    }

    private static string Fixture(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ExposureSdk.sln")))
            {
                return Path.Combine([dir.FullName, "tests", "fixtures", .. parts]);
            }
        }

        throw new InvalidOperationException("ExposureSdk.sln was not found above " + AppContext.BaseDirectory);
    }
}
