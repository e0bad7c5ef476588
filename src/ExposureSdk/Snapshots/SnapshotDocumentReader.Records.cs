using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace ExposureSdk;

internal sealed partial class SnapshotDocumentReader
{
    private readonly Records _records;

    /// <summary>
    /// Parses the records of the document, checks every field with its JSON path, and accumulates the
    /// lists, the id indexes and the reference checks.
    /// </summary>
    /// <remarks>
    /// Identifiers (and the other repeated strings: kinds, sources, workloads, tags, threats) are interned
    /// in a <see cref="Utf8StringTable"/> keyed on their UTF-8 bytes, so a text seen before costs a hash
    /// and a byte comparison (no decoding, no allocation), and every distinct text is an integer entry.
    /// Which list item an entry identifies is kept per entry (<see cref="Roles"/>): duplicate ids and
    /// dangling references are array look-ups, and assessments are stored as integer columns.
    /// </remarks>
    private sealed partial class Records
    {
        private static readonly AssetKind UnknownKind = AssetKind.Unknown;

        /// <summary>Every property name the reader knows, by object (for the schema drift test).</summary>
        /// <remarks>Built on each call: the field tables are static fields of the record files, whose initialisation order is not defined relative to this one.</remarks>
        public static IReadOnlyDictionary<string, IReadOnlyList<string>> KnownProperties => new Dictionary<string, IReadOnlyList<string>>
        {
            ["$"] = ["schemaVersion", "tenantId", "asOf", "assets", "recommendations", "assessments", "metrics", "initiatives"],
            ["asset"] = AssetFields.Names,
            ["recommendation"] = RecommendationFields.Names,
            ["counts"] = CountsFields.Names,
            ["assessment"] = AssessmentFields.Names,
            ["metric"] = MetricFields.Names,
            ["selector"] = SelectorFields.Names,
            ["initiative"] = InitiativeFields.Names,
        };

        private readonly SnapshotDocumentReader _owner;
        private readonly SnapshotReadOptions _options;
        private readonly Utf8StringTable _ids = new();
        private Roles[] _roles = ScratchArrays.RentCleared<Roles>(512);
        private char[] _chars = new char[1024];
        private byte[] _bytes = new byte[256];
        private int _lastAsset = -1;

        // Set when a record being read goes on past the end of the buffer (see Next); cleared per record.
        private bool _incomplete;

        private int? _schemaVersion;
        private string? _tenantId;
        private DateTimeOffset? _asOf;
        private bool _recommendationsSeen;

        private readonly List<Asset> _assets = [];
        private readonly List<Recommendation> _recommendations = [];
        private readonly AssessmentColumns.Builder _assessments = new();
        private readonly List<Metric> _metrics = [];
        private readonly List<Initiative> _initiatives = [];

        // References read before their targets' list, checked at the end (in document order).
        private readonly List<Reference> _laterReferences = [];

        // Whether a list's references were checked as it was read (its targets came earlier in the document).
        private bool _recommendationsDone;
        private bool _metricsDone;
        private bool _assessmentsChecked;
        private bool _metricsChecked;
        private bool _initiativesChecked;

        public Records(SnapshotDocumentReader owner)
        {
            _owner = owner;
            _options = owner._options;
        }

        public void ListStarted(Root list)
        {
            switch (list)
            {
                case Root.Assessments:
                    _assessmentsChecked = _recommendationsDone;
                    break;
                case Root.Metrics:
                    _metricsChecked = _recommendationsDone;
                    break;
                case Root.Initiatives:
                    _initiativesChecked = _recommendationsDone && _metricsDone;
                    break;
                case Root.Recommendations:
                    _recommendationsSeen = true;
                    break;
            }
        }

        public void ListCompleted(Root list)
        {
            switch (list)
            {
                case Root.Recommendations:
                    _recommendationsDone = true;
                    break;
                case Root.Metrics:
                    _metricsDone = true;
                    break;
            }
        }

        public void ReadRootScalar(ref Utf8JsonReader r, Root property, Loc path)
        {
            switch (property)
            {
                case Root.SchemaVersion:
                    if (r.TokenType != JsonTokenType.Number)
                    {
                        throw _owner.Error(ref r, path, $"expected the number {SnapshotDocument.SchemaVersion}, got {Describe(r.TokenType)}.");
                    }

                    if (!r.TryGetInt32(out var version) || version != SnapshotDocument.SchemaVersion)
                    {
                        throw _owner.Error(ref r, path, $"unsupported schema version {Encoding.UTF8.GetString(r.ValueSpan)} (this reader supports {SnapshotDocument.SchemaVersion}).");
                    }

                    _schemaVersion = version;
                    break;
                case Root.TenantId:
                    _tenantId = Name(ref r, path);
                    break;
                case Root.AsOf:
                    _asOf = Timestamp(ref r, path);
                    break;
                default:
                    throw new InvalidOperationException($"Not a scalar property: {property}.");
            }
        }

        /// <summary>
        /// Reads one list item; <paramref name="r"/> is on its <c>{</c>. Returns false, having kept nothing,
        /// when the item does not end within the buffer (the caller refills and reads it again).
        /// </summary>
        public bool ReadItem(ref Utf8JsonReader r, Root list, int index)
        {
            var item = new Item(ListName(list), index, r.TokenStartIndex);
            _incomplete = false;
            try
            {
                switch (list)
                {
                    case Root.Assets:
                        return ReadAsset(ref r, item);
                    case Root.Recommendations:
                        return ReadRecommendation(ref r, item);
                    case Root.Assessments:
                        return ReadAssessment(ref r, item);
                    case Root.Metrics:
                        return ReadMetric(ref r, item);
                    case Root.Initiatives:
                        return ReadInitiative(ref r, item);
                    default:
                        throw new InvalidOperationException($"Not a list: {list}.");
                }
            }
            catch (InvalidOperationException ex) when (ex is not ObjectDisposedException)
            {
                // Utf8JsonReader raises this for text it cannot transcode (invalid UTF-8).
                throw _owner.ErrorAt(item.Start, item.Path, "invalid text: " + ex.Message);
            }
        }

        /// <summary>Returns the read's working arrays to the pool (the snapshot keeps none of them).</summary>
        public void Release()
        {
            ScratchArrays.Return(ref _roles);
            _ids.Release();
            _assessments.Release();
        }

        public ExposureSnapshot Build()
        {
            Require(_schemaVersion is not null, "schemaVersion");
            Require(_tenantId is not null, "tenantId");
            Require(_asOf is not null, "asOf");
            Require(_recommendationsSeen, "recommendations");

            if (!_assessmentsChecked)
            {
                for (var i = 0; i < _assessments.Count; i++)
                {
                    Dangling(_assessments.RecommendationAt(i), Role.Recommendation, new Loc("assessments", i, "recommendationId"), null);
                }
            }

            foreach (var reference in _laterReferences)
            {
                Dangling(reference.Entry, reference.Target, reference.Path, null);
            }

            // Every rule of ExposureSnapshot's own validation was checked above, with paths and positions
            // (unique ids in each list, references, one assessment per asset and recommendation), so the
            // lists are handed over without a second pass over a possibly huge document.
            return ExposureSnapshot.FromValidatedLists(_tenantId!, _asOf!.Value, _recommendations, _assets, _assessments.Build(_ids.Values), _metrics, _initiatives);
        }

        private static void Require(bool present, string property)
        {
            if (!present)
            {
                throw new SnapshotFormatException("$", $"missing required property '{property}'.", null, null);
            }
        }

        // ----- identities and references -----

        /// <summary>Records that <paramref name="entry"/> is the id of <paramref name="item"/> in its list (<paramref name="role"/> is the entry's slot for that list).</summary>
        private void Unique(ref int role, int entry, Item item, long idStart)
        {
            if (role != 0)
            {
                throw _owner.ErrorAt(idStart, item.At("id").ToString(), $"duplicate id '{Shorten(_ids[entry])}' (first at {Item.PathOf(item.List, role - 1)}).");
            }

            role = item.Index + 1;
        }

        /// <summary>Checks references now when their targets were read already (<paramref name="now"/>), otherwise at the end.</summary>
        private void References(List<(int Entry, long Start)>? ids, Role target, Loc path, bool now)
        {
            for (var j = 0; j < (ids?.Count ?? 0); j++)
            {
                var (entry, start) = ids![j];
                if (now)
                {
                    Dangling(entry, target, path with { Item = j }, start);
                }
                else
                {
                    _laterReferences.Add(new Reference(entry, target, path with { Item = j }));
                }
            }
        }

        private void Dangling(int entry, Role target, Loc path, long? tokenStart)
        {
            ref var roles = ref _roles[entry];
            if ((target == Role.Recommendation ? roles.Recommendation : roles.Metric) != 0)
            {
                return;
            }

            var problem = $"'{Shorten(_ids[entry])}' names no {(target == Role.Recommendation ? "recommendation" : "metric")} of the document (dangling id).";
            throw tokenStart is { } start ? _owner.ErrorAt(start, path.ToString(), problem) : new SnapshotFormatException(path.ToString(), problem, null, null);
        }

        // ----- values -----

        /// <summary>
        /// Moves to the next property of the current object and to its value. Returns false at the end of
        /// the object, or when the record goes on past the buffer (<see cref="_incomplete"/> is then set).
        /// <paramref name="field"/> is the property, or a value outside <typeparamref name="TField"/>'s members
        /// (-1) for a property the reader does not know (the caller skips its value). A property whose
        /// <c>null</c> means absent (<see cref="Fields{TField}.NullMeansAbsent"/>) and is <c>null</c> is passed over.
        /// </summary>
        private bool NextProperty<TField>(ref Utf8JsonReader r, Fields<TField> fields, Item item, string? prefix, ref int seen, out TField field)
            where TField : struct, System.Enum
        {
            while (true)
            {
                if (Next(ref r) is JsonTokenType.EndObject or JsonTokenType.None)
                {
                    field = default;
                    return false;
                }

                // Writers usually keep one order: try the field after the last one seen first.
                var index = fields.Find(Utf8Value(ref r), seen == 0 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)seen));
                if (index >= 0)
                {
                    if ((seen & (1 << index)) != 0)
                    {
                        throw _owner.Error(ref r, item.At(prefix + fields.Names[index]), "the property appears twice.");
                    }

                    seen |= 1 << index;
                }

                if (Next(ref r) == JsonTokenType.None)
                {
                    field = default;
                    return false;
                }

                if (index >= 0 && r.TokenType == JsonTokenType.Null && fields.NullMeansAbsent(index))
                {
                    continue;
                }

                field = Unsafe.As<int, TField>(ref index);
                return true;
            }
        }

        /// <summary>
        /// Reads the next token of the record. At the end of the buffer (the record goes on past it) it returns
        /// <see cref="JsonTokenType.None"/> and sets <see cref="_incomplete"/>; once set, every later call does
        /// the same, so the record's loops end and its reader returns false.
        /// </summary>
        private JsonTokenType Next(ref Utf8JsonReader r)
        {
            if (!_incomplete && r.Read())
            {
                return r.TokenType;
            }

            _incomplete = true;
            return JsonTokenType.None;
        }

        /// <summary>Moves to the next element of an array; false at its end or when the record goes on past the buffer.</summary>
        private bool NextElement(ref Utf8JsonReader r) => Next(ref r) is not (JsonTokenType.EndArray or JsonTokenType.None);

        /// <summary>Skips the current value; sets <see cref="_incomplete"/> when it goes on past the buffer.</summary>
        private void SkipValue(ref Utf8JsonReader r)
        {
            if (_incomplete || !r.TrySkip())
            {
                _incomplete = true;
            }
        }

        private static bool IsNull(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null;

        private void Missing(bool missing, Item item, string property)
        {
            if (missing)
            {
                throw _owner.ErrorAt(item.Start, item.Path, $"missing required property '{property}'.");
            }
        }

        /// <summary>The recommendation ids of a list as the model takes them (<c>null</c> stays <c>null</c>).</summary>
        private RecommendationId[]? RecommendationIdsOf(List<(int Entry, long Start)>? entries)
        {
            if (entries is null)
            {
                return null;
            }

            var ids = new RecommendationId[entries.Count];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = new RecommendationId(_ids[entries[i].Entry]);
            }

            return ids;
        }

        /// <summary>The metric ids of a list as the model takes them (<c>null</c> stays <c>null</c>).</summary>
        private MetricId[]? MetricIdsOf(List<(int Entry, long Start)>? entries)
        {
            if (entries is null)
            {
                return null;
            }

            var ids = new MetricId[entries.Count];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = new MetricId(_ids[entries[i].Entry]);
            }

            return ids;
        }

        /// <summary>
        /// A model constructor rejected what the checks above let through: a safety net for a rule of the
        /// model that they do not mirror, reported at the record with the field the constructor names.
        /// </summary>
        private SnapshotFormatException Rejected(Item item, ArgumentException ex)
        {
            var field = ex.ParamName switch
            {
                null => null,
                "isRiskAccepted" => "riskAccepted",
                "isFavorite" => "favorite",
                var name => name,
            };
            return _owner.ErrorAt(item.Start, field is null ? item.Path : item.At(field).ToString(), ex.Message);
        }

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

        private static string Shorten(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 77), "...");

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

    /// <summary>
    /// A JSON path, built as text only when an error is reported (reading a million assessments must
    /// not format a million paths): <c>$.field</c>, <c>$.list[index].field</c> or <c>$.list[index].field[item]</c>.
    /// </summary>
    private readonly record struct Loc(string? List, int Index, string Field, int Item = -1)
    {
        public override string ToString() => List is null
            ? PathOf(Field)
            : Item < 0
                ? string.Create(CultureInfo.InvariantCulture, $"$.{List}[{Index}].{Field}")
                : string.Create(CultureInfo.InvariantCulture, $"$.{List}[{Index}].{Field}[{Item}]");
    }

    private SnapshotFormatException Error(ref Utf8JsonReader reader, Loc path, string problem) => Error(ref reader, path.ToString(), problem);

    /// <summary>An error at a token that started at <paramref name="tokenStart"/> bytes after <see cref="_start"/>.</summary>
    private SnapshotFormatException ErrorAt(long tokenStart, string path, string problem)
    {
        var (line, column) = PositionAt((int)tokenStart);
        return new SnapshotFormatException(path, problem, line, column);
    }

    /// <summary>Every property name the reader knows, by object kind (<c>$</c>, asset, recommendation, counts, assessment, metric, selector, initiative).</summary>
    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> KnownProperties => Records.KnownProperties;
}
