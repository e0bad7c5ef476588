using System.Buffers;
using System.Text.Json;

namespace ExposureSdk;

/// <summary>
/// Streams a snapshot document: fills a buffer from the stream in chunks and parses it with a
/// resumable <see cref="Utf8JsonReader"/> (its <see cref="JsonReaderState"/> is kept between chunks).
/// </summary>
/// <remarks>
/// The top level is a small state machine (root object, property name, property value, list item,
/// skipping an unknown value) that can stop whenever the buffer runs out and resume after the next
/// fill. A list item (one record) is parsed only once it is entirely in the buffer: a copy of the
/// reader (a cheap checkpoint) first skips over it; if that runs out of data, the buffer is refilled
/// (and grown up to <see cref="SnapshotReadOptions.MaxRecordBytes"/>) and the item is tried again. So
/// the reader holds at most one record's text, and the record parsers are plain synchronous code with
/// exact JSON paths. Unknown values at the top level are skipped token by token, across fills.
/// </remarks>
internal sealed partial class SnapshotDocumentReader : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;

    /// <summary>How much buffer must follow a record's start for the record to be parsed without checking first that it ends there.</summary>
    private const int DirectParseMargin = 4 * 1024;

    private static readonly SearchValues<byte> Separators = SearchValues.Create(" \t\r\n,:"u8);

    private readonly Stream? _stream;
    private readonly SnapshotReadOptions _options;
    private byte[] _buffer;
    private bool _pooled;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _bomChecked;
    private long _totalBytes;
    private JsonReaderState _state;

    // Position of _buffer[_start] in the text (zero-based line, byte in line), for error messages.
    private long _line;
    private long _column;

    private Phase _phase;
    private Root _property;
    private string _propertyName = string.Empty;
    private int _index;
    private int _skipDepth;
    private Root _seen;

    private enum Phase
    {
        Start,
        RootProperty,
        RootValue,
        ListItem,
        Skip,
        Trailing,
        Done,
    }

    [Flags]
    private enum Root
    {
        None = 0,
        SchemaVersion = 1,
        TenantId = 2,
        AsOf = 4,
        Assets = 8,
        Recommendations = 16,
        Assessments = 32,
        Metrics = 64,
        Initiatives = 128,
        Unknown = 256,
    }

    public SnapshotDocumentReader(Stream stream, SnapshotReadOptions? options)
    {
        _stream = stream;
        _options = Checked(options);
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        _pooled = true;
        _state = new JsonReaderState(ReaderOptions(_options));
        _records = new Records(this);
    }

    /// <summary>A reader for text already in memory: <see cref="Read(ReadOnlySpan{byte})"/> copies it into the buffer chunk by chunk, like a stream.</summary>
    public SnapshotDocumentReader(ReadOnlySpan<byte> utf8Json, SnapshotReadOptions? options)
    {
        _options = Checked(options);
        if (utf8Json.Length > _options.MaxDocumentBytes)
        {
            throw new SnapshotFormatException("$", FormattableString.Invariant($"the document is longer than {_options.MaxDocumentBytes} bytes (MaxDocumentBytes)."), null, null);
        }

        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        _pooled = true;
        _state = new JsonReaderState(ReaderOptions(_options));
        _records = new Records(this);
    }

    public void Dispose()
    {
        _records.Release();
        if (_pooled)
        {
            _pooled = false;
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    public ExposureSnapshot Read()
    {
        while (!Run())
        {
            Fill();
        }

        return _records.Build();
    }

    /// <summary>Reads the text given to the in-memory constructor (never a copy of the whole text: at most one buffer).</summary>
    public ExposureSnapshot Read(ReadOnlySpan<byte> utf8Json)
    {
        while (!Run())
        {
            PrepareFill();
            var count = Math.Min(_buffer.Length - _end, utf8Json.Length);
            utf8Json[..count].CopyTo(_buffer.AsSpan(_end));
            utf8Json = utf8Json[count..];
            _end += count;
            _totalBytes += count;
            _endOfStream = utf8Json.IsEmpty;
        }

        return _records.Build();
    }

    public async ValueTask<ExposureSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        while (!Run())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!PrepareFill())
            {
                continue;
            }

            // Fill the buffer completely before parsing again: a record that did not fit is then retried
            // only after the data at least doubled, which keeps small reads from making the work quadratic.
            while (!_endOfStream && _end < _buffer.Length)
            {
                Filled(await _stream!.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false));
            }
        }

        return _records.Build();
    }

    /// <summary>Parses as far as the buffer allows. Returns true when the document is complete, false when more data is needed.</summary>
    private bool Run()
    {
        if (!_bomChecked)
        {
            if (_end - _start < 3 && !_endOfStream)
            {
                return false;
            }

            if (_buffer.AsSpan(_start, _end - _start).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                _start += 3;
            }

            _bomChecked = true;
        }

        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: false, _state);
        var committed = 0L;
        var committedState = _state;
        var complete = false;
        try
        {
            complete = Step(ref reader, ref committed, ref committedState);
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }
        finally
        {
            Advance((int)committed);
            _state = committedState;
        }

        if (!complete && _endOfStream)
        {
            if (_phase == Phase.Start && _buffer.AsSpan(_start, _end - _start).Trim(" \t\r\n"u8).IsEmpty)
            {
                throw new SnapshotFormatException("$", "the document is empty (expected a JSON object).", null, null);
            }

            throw new SnapshotFormatException(CurrentPath(), "the document ends unexpectedly (truncated file?).", _line, _column);
        }

        return complete;
    }

    private bool Step(ref Utf8JsonReader reader, ref long committed, ref JsonReaderState committedState)
    {
        while (true)
        {
            switch (_phase)
            {
                case Phase.Start:
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw Error(ref reader, "$", $"expected a JSON object, got {Describe(reader.TokenType)}.");
                    }

                    _phase = Phase.RootProperty;
                    break;

                case Phase.RootProperty:
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        _phase = Phase.Trailing;
                        break;
                    }

                    (_property, _propertyName) = IdentifyRootProperty(ref reader);
                    if (_property != Root.Unknown)
                    {
                        if ((_seen & _property) != 0)
                        {
                            throw Error(ref reader, "$." + _propertyName, "the property appears twice.");
                        }

                        _seen |= _property;
                    }

                    _phase = Phase.RootValue;
                    break;

                case Phase.RootValue:
                    {
                        var probe = reader;
                        if (!probe.Read())
                        {
                            return false;
                        }

                        if (_property == Root.Unknown)
                        {
                            if (probe.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                            {
                                _skipDepth = probe.CurrentDepth;
                                _phase = Phase.Skip;
                            }
                            else
                            {
                                _phase = Phase.RootProperty;
                            }

                            reader = probe;
                            break;
                        }

                        if (IsList(_property))
                        {
                            if (probe.TokenType == JsonTokenType.Null && _property != Root.Recommendations)
                            {
                                _records.ListCompleted(_property);
                                _phase = Phase.RootProperty;
                            }
                            else if (probe.TokenType == JsonTokenType.StartArray)
                            {
                                _index = 0;
                                _records.ListStarted(_property);
                                _phase = Phase.ListItem;
                            }
                            else
                            {
                                throw Error(ref probe, "$." + _propertyName, $"expected an array, got {Describe(probe.TokenType)}.");
                            }

                            reader = probe;
                            break;
                        }

                        ReadRootScalar(ref probe);
                        reader = probe;
                        _phase = Phase.RootProperty;
                        break;
                    }

                case Phase.Skip:
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.CurrentDepth == _skipDepth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                    {
                        _phase = Phase.RootProperty;
                    }

                    break;

                case Phase.ListItem:
                    {
                        // No copy of the reader here (it is a large struct): when the data runs out, Step
                        // returns false and the next Run starts again from the committed state.
                        if (!reader.Read())
                        {
                            return false;
                        }

                        if (reader.TokenType == JsonTokenType.EndArray)
                        {
                            _records.ListCompleted(_property);
                            _phase = Phase.RootProperty;
                            break;
                        }

                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw Error(ref reader, CurrentPath(), $"expected an object, got {Describe(reader.TokenType)}.");
                        }

                        // A record is parsed straight from the buffer when it surely ends there (the rest of the
                        // stream is in) or probably does (plenty of buffer left): one tokenising pass. Otherwise,
                        // or if it turns out not to end there, a copy of the reader first checks that it is complete.
                        var itemStart = (int)reader.TokenStartIndex;
                        var direct = _endOfStream || _end - _start - itemStart >= DirectParseMargin;
                        if (!direct && !Complete(reader, committed, itemStart))
                        {
                            return false;
                        }

                        try
                        {
                            if (!_records.ReadItem(ref reader, _property, _index))
                            {
                                // Only a direct parse can run out of data: refill and read the record again.
                                return false;
                            }
                        }
                        catch (SnapshotFormatException) when (direct)
                        {
                            // Report the record's own problem only once it is known to be complete, well-formed
                            // and within MaxRecordBytes, exactly as when it is checked first.
                            var probe = new Utf8JsonReader(_buffer.AsSpan(_start + (int)committed, _end - _start - (int)committed), isFinalBlock: false, committedState);
                            probe.Read();
                            if (!Complete(probe, 0, itemStart))
                            {
                                return false;
                            }

                            throw;
                        }

                        if (direct && reader.BytesConsumed - committed > _options.MaxRecordBytes)
                        {
                            throw TooLarge(itemStart);
                        }

                        _index++;
                        break;
                    }

                case Phase.Trailing:
                    var rest = _buffer.AsSpan(_start + (int)reader.BytesConsumed, _end - _start - (int)reader.BytesConsumed);
                    var content = rest.IndexOfAnyExcept(" \t\r\n"u8);
                    if (content >= 0)
                    {
                        var (line, column) = PositionAt((int)reader.BytesConsumed + content);
                        throw new SnapshotFormatException("$", "unexpected content after the end of the document.", line, column);
                    }

                    committed = _end - _start;
                    if (!_endOfStream)
                    {
                        return false;
                    }

                    _phase = Phase.Done;
                    return true;

                case Phase.Done:
                    return true;
            }

            committed = reader.BytesConsumed;
            committedState = reader.CurrentState;
        }
    }

    /// <summary>
    /// Whether the record whose <c>{</c> a copy of the reader is on ends within the buffer; throws when it is
    /// malformed or larger than <see cref="SnapshotReadOptions.MaxRecordBytes"/> (<paramref name="before"/>: where the
    /// item's separators start, in the copy's own count of bytes).
    /// </summary>
    private bool Complete(Utf8JsonReader probe, long before, int itemStart)
    {
        if (!probe.TrySkip())
        {
            return false;
        }

        if (probe.BytesConsumed - before > _options.MaxRecordBytes)
        {
            throw TooLarge(itemStart);
        }

        return true;
    }

    private static bool IsList(Root property)
        => property is Root.Assets or Root.Recommendations or Root.Assessments or Root.Metrics or Root.Initiatives;

    /// <summary>Reads a top-level scalar (schemaVersion, tenantId, asOf); <paramref name="reader"/> is on its value.</summary>
    private void ReadRootScalar(ref Utf8JsonReader reader)
    {
        try
        {
            _records.ReadRootScalar(ref reader, _property, new Loc(null, 0, _propertyName));
        }
        catch (InvalidOperationException ex) when (ex is not ObjectDisposedException)
        {
            // Utf8JsonReader raises this for text it cannot transcode (invalid UTF-8, an escaped lone surrogate).
            throw Error(ref reader, PathOf(_propertyName), "invalid text: " + ex.Message);
        }
    }

    /// <summary>Which top-level property <paramref name="reader"/> is on; a name that is not valid text is reported at its position.</summary>
    private (Root Property, string Name) IdentifyRootProperty(ref Utf8JsonReader reader)
    {
        try
        {
            return IdentifyRootPropertyName(ref reader);
        }
        catch (InvalidOperationException ex) when (ex is not ObjectDisposedException)
        {
            // Utf8JsonReader raises this for a name it cannot transcode (invalid UTF-8, an escaped lone surrogate).
            throw Error(ref reader, "$", "invalid text in a property name: " + ex.Message);
        }
    }

    private static (Root Property, string Name) IdentifyRootPropertyName(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("schemaVersion"u8))
        {
            return (Root.SchemaVersion, "schemaVersion");
        }

        if (reader.ValueTextEquals("tenantId"u8))
        {
            return (Root.TenantId, "tenantId");
        }

        if (reader.ValueTextEquals("asOf"u8))
        {
            return (Root.AsOf, "asOf");
        }

        if (reader.ValueTextEquals("assets"u8))
        {
            return (Root.Assets, "assets");
        }

        if (reader.ValueTextEquals("recommendations"u8))
        {
            return (Root.Recommendations, "recommendations");
        }

        if (reader.ValueTextEquals("assessments"u8))
        {
            return (Root.Assessments, "assessments");
        }

        if (reader.ValueTextEquals("metrics"u8))
        {
            return (Root.Metrics, "metrics");
        }

        if (reader.ValueTextEquals("initiatives"u8))
        {
            return (Root.Initiatives, "initiatives");
        }

        var name = reader.GetString() ?? string.Empty;
        return (Root.Unknown, name);
    }

    /// <summary>The JSON path of what the state machine is reading now.</summary>
    private string CurrentPath() => _phase switch
    {
        Phase.RootValue or Phase.Skip => PathOf(_propertyName),
        Phase.ListItem => FormattableString.Invariant($"{PathOf(_propertyName)}[{_index}]"),
        _ => "$",
    };

    /// <summary>A JSON path for a top-level property: dot notation for plain names, bracket notation otherwise.</summary>
    internal static string PathOf(string propertyName)
    {
        foreach (var c in propertyName)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return "$['" + propertyName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
            }
        }

        return propertyName.Length == 0 ? "$['']" : "$." + propertyName;
    }

    private void Advance(int consumed)
    {
        var (line, column) = PositionAt(consumed);
        _line = line;
        _column = column;
        _start += consumed;
    }

    /// <summary>The zero-based line and byte-in-line of the byte at <paramref name="offset"/> from the start of the unconsumed buffer.</summary>
    private (long Line, long Column) PositionAt(int offset)
    {
        var span = _buffer.AsSpan(_start, Math.Min(offset, _end - _start));
        var newlines = span.Count((byte)'\n');
        return newlines == 0 ? (_line, _column + span.Length) : (_line + newlines, span.Length - span.LastIndexOf((byte)'\n') - 1);
    }

    /// <summary>An error at the current token of <paramref name="reader"/> (which reads the buffer from <see cref="_start"/>).</summary>
    internal SnapshotFormatException Error(ref Utf8JsonReader reader, string path, string problem)
    {
        var (line, column) = PositionAt((int)reader.TokenStartIndex);
        return new SnapshotFormatException(path, problem, line, column);
    }

    private SnapshotFormatException Malformed(JsonException ex)
    {
        var message = ex.Message;
        var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            message = message[..suffix];
        }

        return new SnapshotFormatException(CurrentPath(), "invalid JSON: " + message, ex.LineNumber, ex.BytePositionInLine, ex);
    }

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
