using System.Buffers;
using System.Text.Json;

namespace ExposureSdk.Providers.Scanners;

/// <summary>
/// Cuts a stream holding a JSON array of objects, or JSON Lines (one object per line, or objects one
/// after another), into one object at a time, without holding more than the current record and one
/// read-ahead buffer. The format is detected from the first significant byte (a UTF-8 byte order mark
/// is skipped): <c>[</c> is an array, <c>{</c> is JSON Lines.
/// </summary>
/// <remarks>
/// The bytes of a record stay valid until the next call to <see cref="NextAsync"/>. Malformed JSON, a
/// value that is not an object, and a stream that ends inside a record or before the array's <c>]</c>
/// raise <see cref="ScanRecordException"/> naming the line (1-based) and the record.
/// </remarks>
internal sealed class JsonRecordSplitter : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;
    private readonly Stream _stream;
    private readonly int _maxRecordBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _started;
    private bool _done;
    private bool _expectSeparator;
    private int _pending;

    public JsonRecordSplitter(Stream stream, int maxRecordBytes)
    {
        _stream = stream;
        _maxRecordBytes = maxRecordBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    }

    /// <summary>Whether the stream holds a JSON array (known after the first <see cref="NextAsync"/>).</summary>
    public bool IsArray { get; private set; }

    /// <summary>The 1-based line the current record starts on.</summary>
    public long Line { get; private set; } = 1;

    /// <summary>The 0-based position of the current record.</summary>
    public long Index { get; private set; } = -1;

    /// <summary>Where the current record is, for messages: "line 12 ($[11])" or "line 12".</summary>
    public string Where(string? path = null)
        => IsArray
            ? ScanText.Invariant($"line {Line} ($[{Index}]{path})")
            : path is null ? ScanText.Invariant($"line {Line}") : ScanText.Invariant($"line {Line} (${path})");

    /// <summary>Reads the next record; <see langword="null"/> at the end of the stream.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> NextAsync(CancellationToken cancellationToken)
    {
        if (_pending > 0)
        {
            Line += _buffer.AsSpan(_start, _pending).Count((byte)'\n');
            _start += _pending;
            _pending = 0;
        }

        if (_done)
        {
            return null;
        }

        if (!_started)
        {
            _started = true;
            await EnsureAsync(3, cancellationToken).ConfigureAwait(false);
            if (_end - _start >= 3 && _buffer[_start] == 0xEF && _buffer[_start + 1] == 0xBB && _buffer[_start + 2] == 0xBF)
            {
                _start += 3;
            }

            var first = await PeekAsync(cancellationToken).ConfigureAwait(false);
            if (first == '[')
            {
                IsArray = true;
                _start++;
            }
            else if (first != '{' && first != -1)
            {
                throw new ScanRecordException("$", ScanText.Invariant($"the content is not JSON (expected '[' or '{{', found '{(char)first}')."), ScanText.Invariant($"line {Line}"));
            }
        }

        var next = await PeekAsync(cancellationToken).ConfigureAwait(false);
        if (IsArray)
        {
            if (next == -1)
            {
                throw new ScanRecordException("$", ScanText.Invariant($"the file ends before the array is closed (truncated after {Index + 1} record(s))."), ScanText.Invariant($"line {Line}"));
            }

            if (next == ']')
            {
                _start++;
                if (await PeekAsync(cancellationToken).ConfigureAwait(false) is not -1 and var extra)
                {
                    throw new ScanRecordException("$", ScanText.Invariant($"unexpected '{(char)extra}' after the end of the array."), ScanText.Invariant($"line {Line}"));
                }

                _done = true;
                return null;
            }

            if (_expectSeparator)
            {
                if (next != ',')
                {
                    throw new ScanRecordException("$", ScanText.Invariant($"expected ',' or ']' after $[{Index}], found '{(char)next}'."), ScanText.Invariant($"line {Line}"));
                }

                _start++;
                next = await PeekAsync(cancellationToken).ConfigureAwait(false);
                if (next == -1)
                {
                    throw new ScanRecordException("$", ScanText.Invariant($"the file ends before the array is closed (truncated after {Index + 1} record(s))."), ScanText.Invariant($"line {Line}"));
                }
            }
        }
        else if (next == -1)
        {
            _done = true;
            return null;
        }

        Index++;
        if (next != '{')
        {
            throw new ScanRecordException("$", ScanText.Invariant($"a finding must be a JSON object, found '{(char)next}'."), Where());
        }

        while (true)
        {
            var length = MeasureObject(out var error);
            if (error is not null)
            {
                throw new ScanRecordException("$", ScanText.Invariant($"malformed JSON: {error}"), Where());
            }

            if (length > 0)
            {
                var record = new ReadOnlyMemory<byte>(_buffer, _start, length);
                _pending = length;
                _expectSeparator = true;
                return record;
            }

            if (_eof)
            {
                throw new ScanRecordException("$", ScanText.Invariant($"the file ends inside this record (truncated)."), Where());
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private int MeasureObject(out string? error)
    {
        error = null;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: false, state: default);
        try
        {
            if (reader.Read() && reader.TrySkip())
            {
                return (int)reader.BytesConsumed;
            }
        }
        catch (JsonException ex)
        {
            error = ScanText.Invariant($"{FirstSentence(ex.Message)} (line {Line + (ex.LineNumber ?? 0)}, byte {ex.BytePositionInLine ?? 0} of that line).");
        }

        return 0;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd();
    }

    private async ValueTask<int> PeekAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            while (_start < _end)
            {
                var b = _buffer[_start];
                if (b == (byte)'\n')
                {
                    Line++;
                }
                else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    return b;
                }

                _start++;
            }

            if (_eof)
            {
                return -1;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask EnsureAsync(int count, CancellationToken cancellationToken)
    {
        while (_end - _start < count && !_eof)
        {
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maxRecordBytes)
            {
                throw new ScanRecordException("$", ScanText.Invariant($"the record is larger than {_maxRecordBytes} bytes."), Where());
            }

            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_maxRecordBytes, _buffer.Length * 2));
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        // Fill the free space (a stream may return a few bytes a read): a record that does not fit yet is measured
        // again only once the buffer is full or has grown, so a long record costs linear time, not quadratic
        // (issue 17: a 200 KB record read 40 bytes at a time took 3.6 s; found by fuzzing).
        while (_end < _buffer.Length)
        {
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _eof = true;
                break;
            }

            _end += read;
        }
    }
}
