using System.Text.Json;

namespace ExposureSdk;

/// <summary>
/// Reads and writes the exposure snapshot document (schema version 1): one tenant at one point in
/// time, as UTF-8 JSON, so that any tool can hand data to the SDK. The format is described in
/// <c>docs/snapshot-document.md</c> and <c>docs/snapshot.schema.json</c>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Reading</b> streams: the text is read in chunks and parsed record by record with a
/// <see cref="Utf8JsonReader"/>, so a document with millions of assessments is loaded without ever
/// holding its text (at most one record, bounded by <see cref="SnapshotReadOptions.MaxRecordBytes"/>).
/// There is no reflection: nothing here uses the JSON serializer.
/// </para>
/// <para>
/// Rules: <c>schemaVersion</c> is required and must be 1; <c>tenantId</c>, <c>asOf</c> (ISO 8601 with an
/// offset) and <c>recommendations</c> are required; property names are camelCase and case-sensitive;
/// unknown properties are ignored (their values are skipped, however deep, within
/// <see cref="SnapshotReadOptions.MaxDepth"/>); enum values are strings matched case-insensitively
/// (numbers are rejected); <c>null</c> for an optional property means absent; identifiers are unique
/// within each list, and every reference names an existing recommendation or metric; an asset that is
/// referenced by an assessment but not listed under <c>assets</c> is accepted as an asset of kind
/// <see cref="AssetKind.Unknown"/>; <c>manageUrl</c> is an absolute http or https URL; <c>maxPoints</c>
/// is any finite number of at least 0 (the source's own points); <c>targetScore</c> is 0 to 100; <c>counts.affected</c> is at most <c>counts.total</c>.
/// A UTF-8 byte order mark is accepted. Every violation raises a <see cref="SnapshotFormatException"/>
/// whose message starts with the JSON path.
/// </para>
/// <para>
/// <b>Writing</b> produces camelCase properties in a fixed order, enum values in PascalCase, times in
/// UTC (<c>2026-11-21T06:00:00Z</c>), omits absent optional values and empty optional lists, and never
/// escapes non-ASCII characters. Reading what was written gives an equal snapshot, and writing that
/// again gives the same bytes. A snapshot with a security domain other than the six the document holds
/// (code may create others) is refused with an <see cref="ArgumentException"/> before anything is written.
/// </para>
/// </remarks>
public static class SnapshotDocument
{
    /// <summary>The schema version this SDK reads and writes: 1.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Reads a snapshot document from a stream of UTF-8 JSON, asynchronously, without holding its text in memory.</summary>
    /// <param name="utf8Json">The stream; read to its end, not disposed.</param>
    /// <param name="options">Limits; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A value of <paramref name="options"/> is out of range (the message names each such option).</exception>
    /// <exception cref="SnapshotFormatException">The document is not a valid snapshot document; the message names the JSON path.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async ValueTask<ExposureSnapshot> ReadAsync(Stream utf8Json, SnapshotReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var reader = new SnapshotDocumentReader(utf8Json, options);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a snapshot document from a stream of UTF-8 JSON, synchronously, without holding its text in memory.</summary>
    /// <param name="utf8Json">The stream; read to its end, not disposed.</param>
    /// <param name="options">Limits; <see langword="null"/> for the defaults.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A value of <paramref name="options"/> is out of range (the message names each such option).</exception>
    /// <exception cref="SnapshotFormatException">The document is not a valid snapshot document; the message names the JSON path.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static ExposureSnapshot Read(Stream utf8Json, SnapshotReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var reader = new SnapshotDocumentReader(utf8Json, options);
        return reader.Read();
    }

    /// <summary>Reads a snapshot document from UTF-8 JSON already in memory.</summary>
    /// <param name="utf8Json">The UTF-8 text (a leading byte order mark is allowed).</param>
    /// <param name="options">Limits; <see langword="null"/> for the defaults.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentException">A value of <paramref name="options"/> is out of range (the message names each such option).</exception>
    /// <exception cref="SnapshotFormatException">The document is not a valid snapshot document; the message names the JSON path.</exception>
    public static ExposureSnapshot Read(ReadOnlySpan<byte> utf8Json, SnapshotReadOptions? options = null)
    {
        using var reader = new SnapshotDocumentReader(utf8Json, options);
        return reader.Read(utf8Json);
    }

    /// <summary>Writes a snapshot as a snapshot document to a stream, asynchronously, flushing as it goes (memory stays bounded).</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="utf8Json">The stream; written from its current position, flushed, not disposed.</param>
    /// <param name="options">How to write; <see langword="null"/> for the defaults (indented).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when everything is written and flushed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> or <paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A recommendation or a metric selector names a security domain other than the six well-known ones, which the document cannot hold; nothing is written.</exception>
    /// <exception cref="IOException">Writing the stream failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task WriteAsync(ExposureSnapshot snapshot, Stream utf8Json, SnapshotWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(utf8Json);
        var writer = new Utf8JsonWriter(utf8Json, SnapshotDocumentWriter.WriterOptions(options));
        await using (writer.ConfigureAwait(false))
        {
            await SnapshotDocumentWriter.WriteAsync(snapshot, writer, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes a snapshot as a snapshot document to a stream, flushing as it goes (memory stays bounded).</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="utf8Json">The stream; written from its current position, flushed, not disposed.</param>
    /// <param name="options">How to write; <see langword="null"/> for the defaults (indented).</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> or <paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A recommendation or a metric selector names a security domain other than the six well-known ones, which the document cannot hold; nothing is written.</exception>
    /// <exception cref="IOException">Writing the stream failed.</exception>
    public static void Write(ExposureSnapshot snapshot, Stream utf8Json, SnapshotWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var writer = new Utf8JsonWriter(utf8Json, SnapshotDocumentWriter.WriterOptions(options));
        SnapshotDocumentWriter.Write(snapshot, writer);
    }

    /// <summary>
    /// Writes a snapshot as one JSON object to a <see cref="Utf8JsonWriter"/> (for example as a value
    /// inside a larger document). The writer's own options decide indentation and escaping; the writer
    /// is flushed at the end.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="writer">The writer, positioned where a value may start.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A recommendation or a metric selector names a security domain other than the six well-known ones, which the document cannot hold; nothing is written.</exception>
    /// <exception cref="InvalidOperationException">The writer is not positioned where a value may start.</exception>
    public static void Write(ExposureSnapshot snapshot, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(writer);
        SnapshotDocumentWriter.Write(snapshot, writer);
    }

    /// <summary>Writes a snapshot as a snapshot document into a new UTF-8 byte array.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="options">How to write; <see langword="null"/> for the defaults (indented).</param>
    /// <returns>The UTF-8 JSON text, without a byte order mark.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A recommendation or a metric selector names a security domain other than the six well-known ones, which the document cannot hold.</exception>
    public static byte[] WriteToUtf8Bytes(ExposureSnapshot snapshot, SnapshotWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var stream = new MemoryStream();
        Write(snapshot, stream, options);
        return stream.ToArray();
    }
}
