using System.Text;
using System.Text.Json;

namespace ExposureSdk.Providers.Scanners;

/// <summary>
/// Reads a file or stream of OCSF 1.x findings (Detection Finding, class 2004, as Prowler writes it, or
/// Compliance Finding, class 2003) as a JSON array or JSON Lines, or Prowler's semicolon-separated CSV:
/// the format is detected from the content. Records are read one at a time, so a file of a million
/// findings is read in memory bounded by one record plus what the result keeps (one entry per check,
/// resource and (check, resource) pair).
/// </summary>
/// <remarks>
/// <para>
/// Mapping (domain rules §7): the check (<c>metadata.event_code</c>, else <c>compliance.checks[0].uid</c>
/// or <c>compliance.control</c>) is a recommendation with the finding's title, description
/// (<c>finding_info.desc</c> and <c>risk_details</c>), remediation steps (<c>remediation.desc</c>, then
/// each of <c>remediation.references</c>), impact from severity (Critical and High → High, Medium →
/// Medium, Low and Informational → Low; Unknown and Other → Medium) and source: the CIS benchmark it
/// maps to (newest version; Prowler's <c>CIS-2.0</c> for Azure is "CIS Microsoft Azure Foundations
/// Benchmark v2.0"), else the first standard of its OCSF <c>compliance</c> object, else the scanner
/// (<c>metadata.product.name</c>). Each <c>resources[].uid</c> is an asset (kind from <c>type</c>; tags
/// <c>region:</c>, <c>account:</c> from <c>cloud.account.uid</c>, <c>provider:</c>; Azure Resource Manager
/// ids in lower case). <c>status_code</c> (any case) PASS → healthy, FAIL → unhealthy, MANUAL → not
/// assessed; a finding with <c>status_id</c> 3 (Suppressed; CSV <c>MUTED</c> True) is not assessed.
/// </para>
/// <para>
/// Bad input raises <see cref="ExposureSourceException"/> naming the file and the record: the line
/// (and for a JSON array the record's JSON path, <c>$[11].status_code</c>) and the field. Bad input is
/// malformed JSON, a value that is not an object, a <c>class_uid</c> other than 2003 or 2004, a finding
/// without resources or without a resource uid, a status other than PASS, FAIL or MANUAL, a CSV header
/// without <c>CHECK_ID</c>, <c>STATUS</c>, <c>SEVERITY</c> or <c>RESOURCE_UID</c>, a CSV row with the wrong
/// number of fields, and a file that ends inside a record (truncated).
/// </para>
/// </remarks>
public static class OcsfFindingReader
{
    /// <summary>The provider name errors carry when the reader is called directly.</summary>
    public const string DefaultProviderName = "OCSF";

    internal const int MaxRecordBytes = 16 * 1024 * 1024;

    /// <summary>Reads a stream of findings: a JSON array, JSON Lines or a Prowler CSV.</summary>
    /// <param name="stream">The stream, read to its end (not closed).</param>
    /// <param name="name">A name for the stream (typically the file name), used in the result and in errors.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The findings mapped to recommendations, assets and assessments.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ExposureSourceException">The content is not valid findings (the message names the record and field) or the stream failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<ScanResult> ReadAsync(Stream stream, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return ReadAsync(stream, name, DefaultProviderName, cancellationToken);
    }

    /// <summary>Reads a file of findings: a JSON array, JSON Lines or a Prowler CSV.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The findings mapped to recommendations, assets and assessments; <see cref="ScanResult.Name"/> is the full path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ExposureSourceException">The file is missing, unreadable or not valid findings (the message names the file, record and field).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<ScanResult> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ScanFiles.ReadFileAsync(Path.GetFullPath(path), DefaultProviderName, ReadAsync, cancellationToken);
    }

    internal static async Task<ScanResult> ReadAsync(Stream stream, string name, string providerName, CancellationToken cancellationToken)
    {
        var prefix = new byte[512];
        var count = 0;
        try
        {
            int read;
            while (count < prefix.Length && (read = await stream.ReadAsync(prefix.AsMemory(count), cancellationToken).ConfigureAwait(false)) > 0)
            {
                count += read;
            }

            var input = new PrefixedStream(prefix.AsMemory(0, count), stream);
            return IsJson(prefix.AsSpan(0, count))
                ? await ReadJsonAsync(input, name, providerName, cancellationToken).ConfigureAwait(false)
                : await ReadCsvAsync(input, name, providerName, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw ScanErrors.File(providerName, name, $"reading failed: {ex.Message}", ex);
        }
    }

    private static bool IsJson(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        foreach (var b in head)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b is (byte)'[' or (byte)'{';
        }

        return true; // empty or blank: an empty JSON Lines file
    }

    private static async Task<ScanResult> ReadJsonAsync(Stream stream, string name, string providerName, CancellationToken cancellationToken)
    {
        using var splitter = new JsonRecordSplitter(stream, MaxRecordBytes);
        var accumulator = new ScanAccumulator();
        var finding = new ScanFinding();
        while (true)
        {
            ReadOnlyMemory<byte>? record;
            try
            {
                record = await splitter.NextAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ScanRecordException ex)
            {
                throw ScanErrors.Record(providerName, name, ex.Where ?? splitter.Where(), "$", ex.Message);
            }

            if (record is not { } bytes)
            {
                break;
            }

            try
            {
                using (var document = JsonDocument.Parse(bytes))
                {
                    OcsfFindingMapper.Map(document.RootElement, finding);
                }

                accumulator.Add(finding, splitter.Where());
            }
            catch (ScanRecordException ex)
            {
                throw ScanErrors.Record(providerName, name, ex.Where ?? splitter.Where(ex.Field), ex.Field.TrimStart('.'), ex.Message);
            }
            catch (JsonException ex)
            {
                throw ScanErrors.Record(providerName, name, splitter.Where(), "$", $"malformed JSON: {ex.Message}", ex);
            }
            catch (InvalidOperationException ex) when (ScanText.IsUndecodable(ex))
            {
                // A property name the JSON reader cannot decode (strings are checked where they are read).
                throw ScanErrors.Record(providerName, name, splitter.Where(), "$", "a property name: " + ScanText.Undecodable, ex);
            }
        }

        return accumulator.Build(name, null, []);
    }

    private static async Task<ScanResult> ReadCsvAsync(Stream stream, string name, string providerName, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var csv = new ProwlerCsvReader(text, MaxRecordBytes);
        var accumulator = new ScanAccumulator();
        var finding = new ScanFinding();
        try
        {
            await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            while (await csv.ReadAsync(finding, cancellationToken).ConfigureAwait(false))
            {
                accumulator.Add(finding, ScanText.Invariant($"line {csv.Line}"));
            }
        }
        catch (ScanRecordException ex)
        {
            throw ScanErrors.Record(providerName, name, ex.Where ?? ScanText.Invariant($"line {csv.Line}"), ex.Field, ex.Message);
        }
        catch (DecoderFallbackException ex)
        {
            throw ScanErrors.Record(providerName, name, ScanText.Invariant($"line {csv.Line}"), "row", "the file is not UTF-8 text (nor JSON).", ex);
        }

        return accumulator.Build(name, null, []);
    }
}
