using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using ExposureSdk.Providers;
using ExposureSdk.Providers.DefenderForCloud;
using ExposureSdk.Providers.MicrosoftGraph;
using ExposureSdk.Providers.Scanners;

namespace ExposureSdk.Fuzz;

/// <summary>A parser of outside input, driven with mutated documents.</summary>
public abstract class FuzzTarget
{
    /// <summary>The target's name on the command line and in the report.</summary>
    public abstract string Name { get; }

    /// <summary>What the parser documents for bad input.</summary>
    public abstract string Documented { get; }

    /// <summary>How many seed documents the inputs are made from.</summary>
    public abstract int SeedCount { get; }

    /// <summary>The generator of inputs.</summary>
    public Gen<FuzzCase> Cases => FuzzCase.Generator(SeedCount);

    /// <summary>The bytes a case feeds the parser (the mutated document).</summary>
    public abstract byte[] Input(FuzzCase c);

    /// <summary>Parses <paramref name="input"/> as the SDK does; returns normally on success, throws what the parser throws.</summary>
    public abstract void Run(byte[] input, FuzzCase c, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="ex"/> is the parser's documented exception (its inner exceptions are checked separately).</summary>
    public abstract bool IsDocumented(Exception ex);

    public static IReadOnlyList<FuzzTarget> All(string fixtures) =>
    [
        new SnapshotTarget(),
        new GraphTarget(fixtures),
        new DefenderTarget(fixtures, DefenderForCloudReadPath.Rest),
        new DefenderTarget(fixtures, DefenderForCloudReadPath.ResourceGraph),
        new OcsfTarget(fixtures),
        new MaesterTarget(fixtures),
    ];

    protected static JsonNode? Parse(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        return JsonNode.Parse(span, null, new System.Text.Json.JsonDocumentOptions { MaxDepth = 4096 });
    }
}

/// <summary><see cref="SnapshotDocument.Read(ReadOnlySpan{byte}, SnapshotReadOptions?)"/>, and for 1 input in 4 the streaming read in small chunks, which must agree with it.</summary>
public sealed class SnapshotTarget : FuzzTarget
{
    private readonly JsonNode?[] _seeds = [.. Seeds.SnapshotDocuments().Select(Parse)];

    public override string Name => "snapshot";

    public override string Documented => "SnapshotFormatException";

    public override int SeedCount => _seeds.Length;

    public override byte[] Input(FuzzCase c) => Mutations.Json(_seeds[c.Seed], c);

    public override void Run(byte[] input, FuzzCase c, CancellationToken cancellationToken)
    {
        string? spanError = null;
        try
        {
            _ = SnapshotDocument.Read(input);
        }
        catch (SnapshotFormatException ex)
        {
            spanError = ex.Message;
        }

        if (c.Variant % 4 == 0)
        {
            string? streamError = null;
            try
            {
                using var stream = new ChunkedStream(input, 1 + (c.Variant / 4));
                _ = SnapshotDocument.Read(stream);
            }
            catch (SnapshotFormatException ex)
            {
                streamError = ex.Message;
            }

            if (streamError != spanError)
            {
                throw new FuzzInconsistencyException($"reading from a span and from a stream in {1 + (c.Variant / 4)}-byte chunks disagree: '{spanError}' / '{streamError}'");
            }
        }

        if (spanError is not null)
        {
            throw new SnapshotFormatException("$", spanError, null, null);
        }
    }

    public override bool IsDocumented(Exception ex) => ex is SnapshotFormatException;
}

/// <summary>OCSF findings (JSON array or JSON Lines) and Prowler CSV through <see cref="OcsfFindingReader.ReadAsync(Stream, string, CancellationToken)"/>.</summary>
public sealed class OcsfTarget(string fixtures) : FuzzTarget
{
    private static readonly System.Text.Json.JsonSerializerOptions LinesOptions = new() { MaxDepth = 4096, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly (JsonNode? Json, string? Csv, bool Lines)[] _seeds = [.. Seeds.Ocsf(fixtures)];

    public override string Name => "ocsf";

    public override string Documented => "ExposureSourceException";

    public override int SeedCount => _seeds.Length;

    public override byte[] Input(FuzzCase c)
    {
        var (json, csv, lines) = _seeds[c.Seed];
        if (csv is not null)
        {
            return Mutations.Csv(csv, ';', c);
        }

        if (!lines || json is not JsonArray)
        {
            return Mutations.Json(json, c);
        }

        // JSON Lines: each record of the mutated array on its own line.
        var mutated = Mutations.Json(json, c with { Bytes = [], Indented = false });
        string text;
        try
        {
            text = Parse(mutated) is JsonArray array ? string.Join('\n', array.Select(n => n?.ToJsonString(LinesOptions) ?? "null")) : Encoding.UTF8.GetString(mutated);
        }
        catch (System.Text.Json.JsonException)
        {
            text = Encoding.UTF8.GetString(mutated);
        }

        return Mutations.MutateBytes(Encoding.UTF8.GetBytes(text), c.Bytes);
    }

    public override void Run(byte[] input, FuzzCase c, CancellationToken cancellationToken)
    {
        using var stream = new ChunkedStream(input, c.Variant % 2 == 0 ? int.MaxValue : 1 + c.Variant);
        _ = OcsfFindingReader.ReadAsync(stream, "fuzz-input", cancellationToken).GetAwaiter().GetResult();
    }

    public override bool IsDocumented(Exception ex) => ex is ExposureSourceException;
}

/// <summary>Maester results through <see cref="MaesterResultReader.ReadAsync(Stream, string, CancellationToken)"/>.</summary>
public sealed class MaesterTarget(string fixtures) : FuzzTarget
{
    private readonly JsonNode?[] _seeds = [.. Seeds.Maester(fixtures)];

    public override string Name => "maester";

    public override string Documented => "ExposureSourceException";

    public override int SeedCount => _seeds.Length;

    public override byte[] Input(FuzzCase c) => Mutations.Json(_seeds[c.Seed], c);

    public override void Run(byte[] input, FuzzCase c, CancellationToken cancellationToken)
    {
        using var stream = new ChunkedStream(input, c.Variant % 2 == 0 ? int.MaxValue : 1 + c.Variant);
        _ = MaesterResultReader.ReadAsync(stream, "fuzz-input", cancellationToken).GetAwaiter().GetResult();
    }

    public override bool IsDocumented(Exception ex) => ex is ExposureSourceException;
}

/// <summary>
/// The Microsoft Graph provider end to end (Kiota's HTTP pipeline and JSON parse nodes, the lenient models,
/// the mapping): one of its two responses (control profiles or secure scores) is the mutated document, the
/// other a published example. Two in three inputs pull (<see cref="ExposureSourceProvider.PullAsync"/>, every
/// stream of the batch read), one in three reads the Secure Score history.
/// </summary>
public sealed class GraphTarget : FuzzTarget
{
    private const string BaseUrl = "https://graph.microsoft.com/v1.0";
    private static readonly AsyncLocal<byte[][]> Bodies = new();
    private readonly JsonNode?[] _seeds;
    private readonly byte[] _profiles;
    private readonly byte[] _scores;
    private readonly InMemoryHttp _http = new();
    private readonly Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter _adapter;

    public GraphTarget(string fixtures)
    {
        var folder = Path.Combine(fixtures, "graph");
        _seeds = [.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(f => Parse(File.ReadAllBytes(f)))];
        _profiles = File.ReadAllBytes(Path.Combine(folder, "secureScoreControlProfiles.v1.example.json"));
        _scores = File.ReadAllBytes(Path.Combine(folder, "secureScores.v1.example.json"));
        _http.Respond = (request, _) => request.RequestUri!.AbsolutePath.Contains("secureScoreControlProfiles", StringComparison.Ordinal) ? Bodies.Value![0] : Bodies.Value![1];
        _adapter = _http.Adapter(BaseUrl);
    }

    public override string Name => "graph";

    public override string Documented => "ExposureSourceException";

    public override int SeedCount => _seeds.Length;

    public override byte[] Input(FuzzCase c) => Mutations.Json(_seeds[c.Seed], c);

    public override void Run(byte[] input, FuzzCase c, CancellationToken cancellationToken)
        => RunAsync(input, c, cancellationToken).GetAwaiter().GetResult();

    private async Task RunAsync(byte[] input, FuzzCase c, CancellationToken cancellationToken)
    {
        Bodies.Value = c.Variant % 2 == 0 ? [input, _scores] : [_profiles, input];
        using var provider = new MicrosoftGraphSecureScoreProvider(_adapter, new MicrosoftGraphProviderOptions { BaseUrl = new Uri(BaseUrl), MaxRetries = 0 });
        if (c.Variant % 3 == 0)
        {
            _ = await provider.GetSecureScoreHistoryAsync(cancellationToken).ConfigureAwait(false);
            await foreach (var day in provider.GetHistoryAsync(cancellationToken).ConfigureAwait(false))
            {
                _ = day.Recommendations.Count + day.Assessments.Count;
            }

            return;
        }

        await using var context = new SourcePullContext(DateTimeOffset.UnixEpoch);
        var batch = await provider.PullAsync(context, cancellationToken).ConfigureAwait(false);
        await Drain(batch, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task Drain(SourceBatch batch, CancellationToken cancellationToken)
    {
        await foreach (var _ in batch.Recommendations.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
        }

        await foreach (var _ in batch.Assets.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
        }

        await foreach (var _ in batch.Assessments.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
        }

        await foreach (var _ in batch.Metrics.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
        }

        await foreach (var _ in batch.Initiatives.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
        }
    }

    public override bool IsDocumented(Exception ex) => ex is ExposureSourceException;
}

/// <summary>
/// The Defender for Cloud provider end to end (<see cref="DefenderForCloudProvider.ReadAsync"/>) on the REST
/// path (ARM lists: subscriptions, secure scores, controls, pricings, assessment metadata, assessments) or the
/// Resource Graph path (its query responses and the control definitions): one response is the mutated document,
/// every other one a published example.
/// </summary>
public sealed class DefenderTarget : FuzzTarget
{
    private const string BaseUrl = "https://management.azure.com";
    private static readonly AsyncLocal<(string Role, byte[] Body)> Fuzzed = new();
    private readonly DefenderForCloudReadPath _path;
    private readonly (string Role, JsonNode? Json)[] _seeds;
    private readonly Dictionary<string, byte[]> _defaults;
    private readonly InMemoryHttp _http = new();
    private readonly Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter _adapter;

    public DefenderTarget(string fixtures, DefenderForCloudReadPath path)
    {
        _path = path;
        (_seeds, _defaults) = Seeds.Defender(fixtures, path);
        _http.Respond = Respond;
        _adapter = _http.Adapter(BaseUrl);
    }

    public override string Name => _path == DefenderForCloudReadPath.Rest ? "defender-rest" : "defender-resource-graph";

    /// <summary>The first seed that stands for <paramref name="role"/> (a case with that seed serves its input as that response).</summary>
    public int SeedOf(string role) => Array.FindIndex(_seeds, s => s.Role == role);

    public override string Documented => "ExposureSourceException";

    public override int SeedCount => _seeds.Length;

    public override byte[] Input(FuzzCase c) => Mutations.Json(_seeds[c.Seed].Json, c);

    public override void Run(byte[] input, FuzzCase c, CancellationToken cancellationToken)
        => RunAsync(input, c, cancellationToken).GetAwaiter().GetResult();

    private async Task RunAsync(byte[] input, FuzzCase c, CancellationToken cancellationToken)
    {
        Fuzzed.Value = (_seeds[c.Seed].Role, input);
        using var provider = new DefenderForCloudProvider(_adapter, new DefenderForCloudOptions { BaseUrl = new Uri(BaseUrl), ReadPath = _path, MaxRetries = 0, RetryBaseDelay = TimeSpan.Zero });
        _ = await provider.ReadAsync((_, _) => ValueTask.CompletedTask, cancellationToken).ConfigureAwait(false);
    }

    private byte[]? Respond(HttpRequestMessage request, string? body)
    {
        var path = request.RequestUri!.AbsolutePath;
        var role = path switch
        {
            "/subscriptions" => "subscriptions",
            _ when path.EndsWith("/assessmentMetadata", StringComparison.Ordinal) => "assessmentMetadata",
            _ when path.EndsWith("/secureScoreControlDefinitions", StringComparison.Ordinal) => "controlDefinitions",
            _ when path.EndsWith("/secureScores", StringComparison.Ordinal) => "secureScores",
            _ when path.EndsWith("/secureScoreControls", StringComparison.Ordinal) => "secureScoreControls",
            _ when path.EndsWith("/pricings", StringComparison.Ordinal) => "pricings",
            _ when path.EndsWith("/assessments", StringComparison.Ordinal) => "assessments",
            _ when path.EndsWith("/resources", StringComparison.Ordinal) => "rg-" + Seeds.GraphTable(body),
            _ => null,
        };
        if (role is null)
        {
            return null;
        }

        var fuzzed = Fuzzed.Value;
        return fuzzed.Role == role || (fuzzed.Role == "rg-any" && role.StartsWith("rg-", StringComparison.Ordinal)) ? fuzzed.Body : _defaults.GetValueOrDefault(role);
    }

    public override bool IsDocumented(Exception ex) => ex is ExposureSourceException;
}

/// <summary>Two ways of reading the same input disagreed: a bug even when each alone would be acceptable.</summary>
public sealed class FuzzInconsistencyException(string message) : Exception(message);

/// <summary>A read-only stream over bytes that returns at most <c>chunk</c> bytes per read.</summary>
public sealed class ChunkedStream(byte[] data, int chunk) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => data.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = Math.Min(Math.Min(buffer.Length, chunk), data.Length - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
