using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace ExposureSdk;

internal sealed partial class SnapshotDocumentReader
{
    /// <summary>The value readers of <see cref="Records"/>: arrays, ids, names, texts, enums, numbers, booleans and URLs, each checked against its limits.</summary>
    private sealed partial class Records
    {
        private void ExpectArray(ref Utf8JsonReader r, Loc path)
        {
            if (r.TokenType != JsonTokenType.StartArray)
            {
                throw _owner.Error(ref r, path, $"expected an array, got {Describe(r.TokenType)}.");
            }
        }

        /// <summary>An identifier (or other repeated short string), interned: its entry in <see cref="_ids"/>.</summary>
        private int Id(ref Utf8JsonReader r, Loc path)
        {
            if (r.TokenType == JsonTokenType.String && !r.ValueIsEscaped)
            {
                // At most one character per byte: a text seen before is valid (it was checked when added).
                var utf8 = r.ValueSpan;
                if (utf8.Length <= _options.MaxIdentifierLength)
                {
                    var hash = Utf8StringTable.Hash(utf8);
                    var entry = _ids.Find(utf8, hash);
                    return entry >= 0 ? entry : AddId(utf8, hash, Chars(ref r, path, _options.MaxIdentifierLength));
                }
            }

            // Escaped, long or not a string: check and decode first, then look the text up by its UTF-8 bytes.
            var chars = Chars(ref r, path, _options.MaxIdentifierLength);
            if (_bytes.Length < chars.Length * 3)
            {
                _bytes = new byte[Math.Max(chars.Length * 3, _bytes.Length * 2)];
            }

            var key = _bytes.AsSpan(0, Encoding.UTF8.GetBytes(chars, _bytes));
            var keyHash = Utf8StringTable.Hash(key);
            var found = _ids.Find(key, keyHash);
            return found >= 0 ? found : AddId(key, keyHash, chars);
        }

        private int AddId(ReadOnlySpan<byte> utf8, int hash, ReadOnlySpan<char> text)
        {
            var entry = _ids.Add(utf8, hash, new string(text));
            if (entry >= _roles.Length)
            {
                ScratchArrays.Grow(ref _roles, _roles.Length * 2, _roles.Length, clear: true);
            }

            return entry;
        }

        /// <summary>A name: a string of at most <see cref="SnapshotReadOptions.MaxIdentifierLength"/> characters, not interned.</summary>
        private string Name(ref Utf8JsonReader r, Loc path) => new(Chars(ref r, path, _options.MaxIdentifierLength));

        /// <summary>Free text: at most <see cref="SnapshotReadOptions.MaxTextLength"/> characters.</summary>
        private string Text(ref Utf8JsonReader r, Loc path) => new(Chars(ref r, path, _options.MaxTextLength));

        /// <summary>A list of interned strings (tags, threats, workloads, sources); <c>null</c> is an empty list.</summary>
        private List<string> Strings(ref Utf8JsonReader r, Loc path)
        {
            var values = new List<string>();
            for (var j = 0; Element(ref r, path, j); j++)
            {
                values.Add(_ids[Id(ref r, path with { Item = j })]);
            }

            return values;
        }

        /// <summary>A list of free texts; <c>null</c> is an empty list.</summary>
        private List<string> Texts(ref Utf8JsonReader r, Loc path)
        {
            var values = new List<string>();
            for (var j = 0; Element(ref r, path, j); j++)
            {
                values.Add(Text(ref r, path with { Item = j }));
            }

            return values;
        }

        /// <summary>A list of identifiers with where each starts (for reference errors); <c>null</c> is an empty list.</summary>
        private List<(int Entry, long Start)> Ids(ref Utf8JsonReader r, Loc path)
        {
            var values = new List<(int, long)>();
            for (var j = 0; Element(ref r, path, j); j++)
            {
                values.Add((Id(ref r, path with { Item = j }), r.TokenStartIndex));
            }

            return values;
        }

        /// <summary>Moves to element <paramref name="j"/> of the array <paramref name="r"/> is on (or in); false at its end or for <c>null</c>.</summary>
        private bool Element(ref Utf8JsonReader r, Loc path, int j)
        {
            if (j == 0)
            {
                if (IsNull(ref r))
                {
                    return false;
                }

                ExpectArray(ref r, path);
            }

            return NextElement(ref r);
        }

        /// <summary>
        /// Checks a string value (type, length, not blank) and decodes it into a scratch buffer that the
        /// next call reuses.
        /// </summary>
        private ReadOnlySpan<char> Chars(ref Utf8JsonReader r, Loc path, int maxLength)
        {
            if (r.TokenType != JsonTokenType.String)
            {
                throw _owner.Error(ref r, path, $"expected a string, got {Describe(r.TokenType)}.");
            }

            // A character takes at least 1 byte (at most 6 when escaped as \uXXXX): decide "too long" without decoding huge values.
            var byteLength = r.ValueSpan.Length;
            if (byteLength > maxLength * 6L)
            {
                throw _owner.Error(ref r, path, FormattableString.Invariant($"the text is longer than {maxLength} characters."));
            }

            if (_chars.Length < byteLength)
            {
                _chars = new char[Math.Max(byteLength, _chars.Length * 2)];
            }

            var length = r.CopyString(_chars);
            var chars = _chars.AsSpan(0, length);
            if (length > maxLength)
            {
                throw _owner.Error(ref r, path, FormattableString.Invariant($"the text is {length} characters long; at most {maxLength} are allowed."));
            }

            if (chars.IsWhiteSpace())
            {
                throw _owner.Error(ref r, path, "the text must not be empty or white space.");
            }

            return chars;
        }

        /// <summary>The unescaped UTF-8 bytes of the current string or property name (the raw bytes when nothing is escaped).</summary>
        private ReadOnlySpan<byte> Utf8Value(ref Utf8JsonReader r)
        {
            if (!r.ValueIsEscaped)
            {
                return r.ValueSpan;
            }

            if (_bytes.Length < r.ValueSpan.Length)
            {
                _bytes = new byte[r.ValueSpan.Length];
            }

            return _bytes.AsSpan(0, r.CopyString(_bytes));
        }

        private T Enum<T>(ref Utf8JsonReader r, EnumNames<T> names, Loc path)
            where T : struct, System.Enum
        {
            if (r.TokenType != JsonTokenType.String)
            {
                throw _owner.Error(ref r, path, $"expected a string (one of {names.Expected}), got {Describe(r.TokenType)}.");
            }

            if (names.TryParse(Utf8Value(ref r), out var value))
            {
                return value;
            }

            throw _owner.Error(ref r, path, $"unknown value '{Shorten(r.GetString() ?? string.Empty)}' (expected {names.Expected}).");
        }

        private SecurityDomain Domain(ref Utf8JsonReader r, Loc path)
        {
            if (r.TokenType != JsonTokenType.String)
            {
                throw _owner.Error(ref r, path, $"expected a string (one of {SnapshotVocabulary.DomainsExpected}), got {Describe(r.TokenType)}.");
            }

            if (SnapshotVocabulary.TryParseDomain(Utf8Value(ref r), out var domain))
            {
                return domain;
            }

            throw _owner.Error(ref r, path, $"unknown value '{Shorten(r.GetString() ?? string.Empty)}' (expected {SnapshotVocabulary.DomainsExpected}).");
        }

        private double Number(ref Utf8JsonReader r, Loc path, double min, double max)
        {
            if (r.TokenType != JsonTokenType.Number)
            {
                throw _owner.Error(ref r, path, $"expected {Expected(min, max)}, got {Describe(r.TokenType)}.");
            }

            if (!r.TryGetDouble(out var value) || double.IsNaN(value) || value < min || value > max)
            {
                throw _owner.Error(ref r, path, $"{Encoding.UTF8.GetString(r.ValueSpan)} is out of range (expected {Expected(min, max)}).");
            }

            return value;
        }

        /// <summary>"a number from 0 to 100", or "a finite number of at least 0" when there is no upper bound.</summary>
        private static string Expected(double min, double max)
            => max == double.MaxValue
                ? FormattableString.Invariant($"a finite number of at least {min}")
                : FormattableString.Invariant($"a number from {min} to {max}");

        private bool Boolean(ref Utf8JsonReader r, Loc path)
            => r.TokenType switch
            {
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                _ => throw _owner.Error(ref r, path, $"expected true or false, got {Describe(r.TokenType)}."),
            };

        private Uri Url(ref Utf8JsonReader r, Loc path)
        {
            var text = Text(ref r, path);
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                return uri;
            }

            throw _owner.Error(ref r, path, $"expected an absolute http or https URL, got '{Shorten(text)}'.");
        }

        private DateTimeOffset Timestamp(ref Utf8JsonReader r, Loc path)
        {
            if (r.TokenType != JsonTokenType.String)
            {
                throw _owner.Error(ref r, path, $"expected an ISO 8601 date and time with an offset (for example 2026-11-21T06:00:00Z), got {Describe(r.TokenType)}.");
            }

            var text = Utf8Value(ref r);
            if (!HasOffset(text) || !r.TryGetDateTimeOffset(out var value))
            {
                throw _owner.Error(ref r, path, $"'{Shorten(r.GetString() ?? string.Empty)}' is not an ISO 8601 date and time with an offset (for example 2026-11-21T06:00:00Z).");
            }

            return value;
        }

        /// <summary>Whether an ISO 8601 text ends with an offset: <c>Z</c> or <c>±hh:mm</c> after the time.</summary>
        private static bool HasOffset(ReadOnlySpan<byte> text)
        {
            if (text.Length == 0 || text.IndexOf((byte)'T') < 0 && text.IndexOf((byte)'t') < 0)
            {
                return false;
            }

            var last = text[^1];
            if (last is (byte)'Z' or (byte)'z')
            {
                return true;
            }

            return text.Length >= 6 && text[^6] is (byte)'+' or (byte)'-' && text[^3] == (byte)':';
        }

        private static string ListName(Root list) => list switch
        {
            Root.Assets => "assets",
            Root.Recommendations => "recommendations",
            Root.Assessments => "assessments",
            Root.Metrics => "metrics",
            _ => "initiatives",
        };

        // Quoted in messages: at most 80 characters, never half a surrogate pair (the message must stay well-formed).
        private static string Shorten(string value) => Internal.TextCut.WithEllipsis(value, 80);

        /// <summary>
        /// The properties of one kind of object, named by the members of <typeparamref name="TField"/> (0, 1, 2…
        /// in declaration order; the JSON name is the member's name in camel case), as text (for messages) and as
        /// UTF-8 (for matching), and which of them take <c>null</c> to mean absent.
        /// </summary>
        private sealed class Fields<TField>
            where TField : struct, System.Enum
        {
            private readonly byte[][] _utf8;
            private readonly int _nullMeansAbsent;

            public Fields(params TField[] nullMeansAbsent)
            {
                var members = System.Enum.GetValues<TField>();
                Names = new string[members.Length];
                for (var i = 0; i < members.Length; i++)
                {
                    var value = members[i];
                    if (Unsafe.As<TField, int>(ref value) != i)
                    {
                        throw new InvalidOperationException($"{typeof(TField).Name} must number its members 0, 1, 2… in order.");
                    }

                    var name = members[i].ToString();
                    Names[i] = string.Concat(name[..1].ToLowerInvariant(), name.AsSpan(1));
                }

                if (Names.Length > 31)
                {
                    throw new InvalidOperationException($"{typeof(TField).Name} has more fields than the reader's bit set of seen fields holds.");
                }

                _utf8 = [.. Names.Select(Encoding.UTF8.GetBytes)];
                foreach (var field in nullMeansAbsent)
                {
                    var value = field;
                    _nullMeansAbsent |= 1 << Unsafe.As<TField, int>(ref value);
                }
            }

            public string[] Names { get; }

            /// <summary>Whether <c>null</c> means the same as the absent property for field <paramref name="index"/>.</summary>
            public bool NullMeansAbsent(int index) => (_nullMeansAbsent & (1 << index)) != 0;

            /// <summary>The index of <paramref name="name"/>, trying <paramref name="first"/> first; -1 when unknown.</summary>
            public int Find(ReadOnlySpan<byte> name, int first)
            {
                var count = _utf8.Length;
                for (int k = 0, i = first < count ? first : 0; k < count; k++, i = i + 1 == count ? 0 : i + 1)
                {
                    if (name.SequenceEqual(_utf8[i]))
                    {
                        return i;
                    }
                }

                return -1;
            }
        }

        /// <summary>The list item being read: its list, index and where its <c>{</c> starts in the buffer.</summary>
        private readonly record struct Item(string List, int Index, long Start)
        {
            public string Path => PathOf(List, Index);

            public Loc At(string field, int item = -1) => new(List, Index, field, item);

            public static string PathOf(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"$.{list}[{index}]");
        }

        /// <summary>What an interned entry identifies: its index + 1 in each list (0 when it is no id of that list).</summary>
        private struct Roles
        {
            public int Recommendation;
            public int Asset;
            public int Metric;
            public int Initiative;
        }

        private enum Role
        {
            Recommendation,
            Metric,
        }

        private readonly record struct Reference(int Entry, Role Target, Loc Path);
    }
}
