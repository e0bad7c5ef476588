using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace ExposureSdk.Fuzz;

/// <summary>One mutation: what to do (<see cref="Kind"/>), where (<see cref="Where"/>, taken modulo the places there are) and with what.</summary>
public readonly record struct Op(int Kind, int Where, int What, int Size)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}@{Where}:{What}/{Size}");
}

/// <summary>
/// A fuzz input as the choices that make it: a seed document (a fixture or a generated document), structural
/// mutations of its JSON tree or CSV rows, then byte mutations of its text. Every choice is a CsCheck
/// generator, so a failing input shrinks to fewer and smaller mutations of a smaller seed.
/// </summary>
public sealed record FuzzCase(int Seed, Op[] Structure, Op[] Bytes, bool Indented, int Variant)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"seed #{Seed}, structure [{string.Join(' ', Structure)}], bytes [{string.Join(' ', Bytes)}], indented {Indented}, variant {Variant}");

    /// <summary>Inputs over <paramref name="seeds"/> seeds: 1 in 10 unmutated, else 1-4 structural and 0-2 byte mutations.</summary>
    public static Gen<FuzzCase> Generator(int seeds) =>
        from seed in Gen.Int[0, seeds - 1]
        from plain in Gen.Int[0, 9]
        from structure in Gen.Select(Gen.Int[0, Mutations.StructureKinds - 1], Gen.Int[0, int.MaxValue], Gen.Int[0, 1023], Gen.Int[0, 4095], (k, w, x, s) => new Op(k, w, x, s)).Array[1, 4]
        from bytes in Gen.Select(Gen.Int[0, Mutations.ByteKinds - 1], Gen.Int[0, int.MaxValue], Gen.Int[0, 1023], Gen.Int[0, 255], (k, w, x, s) => new Op(k, w, x, s)).Array[0, 2]
        from indented in Gen.Bool
        from variant in Gen.Int[0, 63]
        select plain == 0 ? new FuzzCase(seed, [], [], indented, variant) : new FuzzCase(seed, structure, bytes, indented, variant);
}

/// <summary>Applies the mutations of a <see cref="FuzzCase"/> to JSON and CSV seeds.</summary>
public static class Mutations
{
    public const int StructureKinds = 8;
    public const int ByteKinds = 7;

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false, MaxDepth = 2048 };
    private static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true, MaxDepth = 2048 };

    /// <summary>Values that break parsers: wrong types, extremes, odd text, deep nesting.</summary>
    private static readonly Func<int, JsonNode?>[] Hostile =
    [
        _ => null,
        _ => JsonValue.Create(true),
        _ => JsonValue.Create(0),
        _ => JsonValue.Create(-1),
        _ => JsonValue.Create(1.5),
        _ => JsonValue.Create(1e308),
        _ => JsonValue.Create(-1e308),
        _ => JsonValue.Create(9007199254740993L),
        _ => JsonValue.Create(long.MinValue),
        _ => JsonValue.Create(decimal.MaxValue),
        _ => JsonValue.Create(""),
        _ => JsonValue.Create(" \t\n"),
        size => JsonValue.Create(new string('x', size * 16)),
        // A surrogate pair across the model's limits (identifiers 512, text 4,096 characters), with room for the
        // prefixes providers add ("category:", "subscription:"): a cut must not leave a lone half.
        size => JsonValue.Create(new string('x', 496 + (size % 17)) + "\U0001F600tail"),
        size => JsonValue.Create(new string('x', 4080 + (size % 17)) + "\U0001F600tail"),
        _ => JsonValue.Create("12"),
        _ => JsonValue.Create("-0.0e-0"),
        _ => JsonValue.Create("NaN"),
        _ => JsonValue.Create("Infinity"),
        _ => JsonValue.Create("2026-13-45T99:99:99Z"),
        _ => JsonValue.Create("2026-11-21T06:00:00"),
        _ => JsonValue.Create("0001-01-01T00:00:00Z"),
        _ => JsonValue.Create("9999-12-31T23:59:59.9999999+14:00"),
        _ => JsonValue.Create("https://evil.example/x?a=1&b=<2>"),
        _ => JsonValue.Create("javascript:alert(1)"),
        _ => JsonValue.Create("/subscriptions/../../x"),
        _ => JsonValue.Create("\u0000\u0001\u001b[31m"),
        _ => JsonValue.Create("💥\u202e\u200b\ufeff"),
        _ => JsonValue.Create("<script>alert(1)</script>"),
        _ => JsonValue.Create("PASS"),
        _ => JsonValue.Create("FAIL"),
        _ => JsonValue.Create("Unhealthy"),
        _ => JsonValue.Create("Healthy"),
        _ => JsonValue.Create("NotApplicable"),
        _ => JsonValue.Create("Failed"),
        _ => JsonValue.Create("Passed"),
        _ => JsonValue.Create("Standard"),
        _ => JsonValue.Create("High"),
        _ => JsonValue.Create("ascScore"),
        _ => JsonValue.Create("11111111-1111-4111-8111-111111111111"),
        _ => new JsonObject(),
        _ => new JsonArray(),
        size => Nested(size % 200, array: true),
        size => Nested(size % 200, array: false),
        size => new JsonArray([.. Enumerable.Range(0, size % 300).Select(i => (JsonNode?)JsonValue.Create(i))]),
        size => new JsonArray([.. Enumerable.Range(0, size % 40).Select(_ => (JsonNode?)new JsonObject())]),
    ];

    private static readonly byte[][] Inserts =
    [
        [0xFF], [0xC0], [0x80], [0xC3], [0xED, 0xA0, 0x80], [0x00], [(byte)'{'], [(byte)'}'], [(byte)'['], [(byte)']'], [(byte)'"'], [(byte)'\\'],
        [(byte)','], [(byte)':'], [(byte)'\n'], [0xEF, 0xBB, 0xBF], "\\ud800"u8.ToArray(), "\\udc00"u8.ToArray(), "\\u0000"u8.ToArray(), "\\x"u8.ToArray(),
        "1e999"u8.ToArray(), "-"u8.ToArray(), "null"u8.ToArray(), "/*c*/"u8.ToArray(), ";"u8.ToArray(), "\r\n"u8.ToArray(),
    ];

    /// <summary>Mutates a JSON seed: the tree first, then the bytes of its text.</summary>
    public static byte[] Json(JsonNode? seed, FuzzCase c)
    {
        var root = seed?.DeepClone();
        foreach (var op in c.Structure)
        {
            root = MutateTree(root, op);
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(root, c.Indented ? Indented : Compact);
        return MutateBytes(bytes, c.Bytes);
    }

    /// <summary>Mutates a text seed made of lines of fields (a CSV): lines and fields first, then bytes.</summary>
    public static byte[] Csv(string seed, char separator, FuzzCase c)
    {
        var lines = seed.Split('\n').ToList();
        foreach (var op in c.Structure)
        {
            if (lines.Count == 0)
            {
                lines.Add(string.Empty);
            }

            var i = op.Where % lines.Count;
            var fields = lines[i].Split(separator).ToList();
            var f = (op.Where / Math.Max(1, lines.Count)) % Math.Max(1, fields.Count);
            switch (op.Kind)
            {
                case 0: lines.RemoveAt(i); break;
                case 1: lines.InsertRange(i, Enumerable.Repeat(lines[i], 1 + (op.Size % 20))); break;
                case 2 when fields.Count > 0: fields.RemoveAt(f); lines[i] = string.Join(separator, fields); break;
                case 3 when fields.Count > 0: fields[f] = CsvText(op); lines[i] = string.Join(separator, fields); break;
                case 4: fields.Insert(f, CsvText(op)); lines[i] = string.Join(separator, fields); break;
                case 5 when fields.Count > 1: (fields[f], fields[0]) = (fields[0], fields[f]); lines[i] = string.Join(separator, fields); break;
                case 6: lines[i] = lines[i].ToUpperInvariant(); break;
                default: lines.Insert(i, lines[op.What % lines.Count]); break;
            }
        }

        var text = string.Join(c.Indented ? "\r\n" : "\n", lines);
        return MutateBytes(Encoding.UTF8.GetBytes(text), c.Bytes);
    }

    private static string CsvText(Op op) => (op.What % 12) switch
    {
        0 => "",
        1 => "\"",
        2 => "\"a;b\"",
        3 => "\"line\nbreak\"",
        4 => "\"unterminated",
        5 => new string('x', op.Size * 16),
        6 => "PASS",
        7 => "FAIL",
        8 => "MUTED",
        9 => "True",
        10 => "critical",
        _ => "\u001b[2J💥",
    };

    private static JsonNode? MutateTree(JsonNode? root, Op op)
    {
        var places = new List<(JsonNode? Parent, string? Key, int Index, JsonNode? Node)>();
        Collect(null, null, -1, root, places, 0);
        var (parent, key, index, node) = places[op.Where % places.Count];
        switch (op.Kind)
        {
            case 0: // delete
                return Replace(root, parent, key, index, null, delete: true);
            case 1: // a hostile value
                return Replace(root, parent, key, index, Hostile[op.What % Hostile.Length](op.Size), delete: false);
            case 2: // duplicate: an array item, or an array's first item many times
                if (parent is JsonArray array)
                {
                    for (var n = 0; n < 1 + (op.Size % 50); n++)
                    {
                        array.Insert(index, node?.DeepClone());
                    }
                }
                else if (node is JsonArray own && own.Count > 0)
                {
                    for (var n = 0; n < 1 + (op.Size % 200); n++)
                    {
                        own.Add(own[0]?.DeepClone());
                    }
                }

                return root;
            case 3: // rename a property
                if (parent is JsonObject obj && key is not null)
                {
                    var renamed = (op.What % 5) switch
                    {
                        0 => key.ToUpperInvariant(),
                        1 => key + "x",
                        2 => "",
                        3 => key.Length > 1 ? key[..^1] : "_",
                        _ => "\u00ff" + key,
                    };
                    obj.Remove(key);
                    obj[renamed] = node;
                }

                return root;
            case 4: // the wrong shape
                JsonNode? reshaped = node switch
                {
                    JsonObject o => new JsonArray([.. o.Select(p => p.Value?.DeepClone())]),
                    JsonArray a => new JsonObject(a.Select((v, i) => KeyValuePair.Create("k" + i.ToString(CultureInfo.InvariantCulture), v?.DeepClone()))),
                    JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(v.ToJsonString().Length),
                    JsonValue v => JsonValue.Create(v.ToJsonString()),
                    _ => new JsonArray(),
                };
                return Replace(root, parent, key, index, reshaped, delete: false);
            case 5: // a subtree from elsewhere
                return Replace(root, parent, key, index, places[op.What % places.Count].Node?.DeepClone(), delete: false);
            case 6: // an unknown property, or an item of another type
                if (node is JsonObject target)
                {
                    target["zz" + op.What.ToString(CultureInfo.InvariantCulture)] = Hostile[op.Size % Hostile.Length](op.Size);
                }
                else if (node is JsonArray list)
                {
                    list.Insert(op.What % (list.Count + 1), Hostile[op.Size % Hostile.Length](op.Size));
                }

                return root;
            default: // a string value edited in place
                if (node is JsonValue s && s.GetValueKind() == JsonValueKind.String)
                {
                    var text = s.GetValue<string>();
                    var edited = (op.What % 6) switch
                    {
                        0 => text.ToLowerInvariant(),
                        1 => text.ToUpperInvariant(),
                        2 => " " + text + " ",
                        3 => text + text,
                        4 => text.Length > 0 ? text[..(op.Size % text.Length)] : "x",
                        _ => text.Replace('-', '_'),
                    };
                    return Replace(root, parent, key, index, JsonValue.Create(edited), delete: false);
                }

                return root;
        }
    }

    private static void Collect(JsonNode? parent, string? key, int index, JsonNode? node, List<(JsonNode?, string?, int, JsonNode?)> places, int depth)
    {
        places.Add((parent, key, index, node));
        if (depth > 64 || places.Count > 4096)
        {
            return;
        }

        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o.ToArray())
                {
                    Collect(o, k, -1, v, places, depth + 1);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Collect(a, null, i, a[i], places, depth + 1);
                }

                break;
        }
    }

    private static JsonNode? Replace(JsonNode? root, JsonNode? parent, string? key, int index, JsonNode? value, bool delete)
    {
        switch (parent)
        {
            case null:
                return delete ? null : value;
            case JsonObject o when key is not null:
                if (delete)
                {
                    o.Remove(key);
                }
                else
                {
                    o[key] = value;
                }

                return root;
            case JsonArray a:
                if (delete)
                {
                    a.RemoveAt(index);
                }
                else
                {
                    a[index] = value;
                }

                return root;
            default:
                return root;
        }
    }

    /// <summary>Byte mutations of the text: truncation, inserted bytes (invalid UTF-8, escapes of lone surrogates), removed, repeated or flipped bytes.</summary>
    public static byte[] MutateBytes(byte[] bytes, Op[] ops)
    {
        var list = new List<byte>(bytes);
        foreach (var op in ops)
        {
            var at = list.Count == 0 ? 0 : op.Where % (list.Count + 1);
            switch (op.Kind)
            {
                case 0:
                    list.RemoveRange(at, list.Count - at);
                    break;
                case 1:
                case 2:
                    list.InsertRange(at, Inserts[op.What % Inserts.Length]);
                    break;
                case 3:
                    list.RemoveRange(at, Math.Min(op.Size % 64, list.Count - at));
                    break;
                case 4:
                    var range = list.GetRange(at, Math.Min(op.Size % 64, list.Count - at));
                    list.InsertRange(at, range);
                    break;
                case 5 when at < list.Count:
                    list[at] ^= (byte)(1 << (op.What % 8));
                    break;
                default:
                    // Inside the next string: an escaped lone surrogate, NUL or invalid escape right after its quote.
                    var quote = list.IndexOf((byte)'"', at);
                    if (quote >= 0)
                    {
                        list.InsertRange(quote + 1, Inserts[16 + (op.What % 4)]);
                    }

                    break;
            }
        }

        return [.. list];
    }

    private static JsonNode Nested(int depth, bool array)
    {
        JsonNode node = array ? new JsonArray() : new JsonObject();
        for (var i = 0; i < depth; i++)
        {
            node = array ? new JsonArray(node) : new JsonObject { ["a"] = node };
        }

        return node;
    }
}
