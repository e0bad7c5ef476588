using System.Text;

namespace ExposureSdk.Tests.Snapshots;

public sealed class Utf8StringTableTests
{
    private static int Intern(Utf8StringTable table, string text)
    {
        var key = Encoding.UTF8.GetBytes(text);
        var hash = Utf8StringTable.Hash(key);
        var entry = table.Find(key, hash);
        return entry >= 0 ? entry : table.Add(key, hash, text);
    }

    [Fact]
    public void Add_ManyKeysOfEveryLength_FindsEachAgainUnderItsOwnEntry()
    {
        var table = new Utf8StringTable();
        var texts = Enumerable.Range(0, 20_000).Select(i => new string('x', i % 40) + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var entries = texts.Select(t => Intern(table, t)).ToList();

        entries.Should().Equal(Enumerable.Range(0, texts.Count), "each distinct text gets the next dense entry");
        table.Count.Should().Be(texts.Count);
        texts.Select(t => Intern(table, t)).Should().Equal(entries, "a text seen before is found, not added");
        texts.Select(t => table.Find(t)).Should().Equal(entries);
        entries.Select(e => table[e]).Should().Equal(texts);
        table.Count.Should().Be(texts.Count);
    }

    [Fact]
    public void Find_KeysThatDifferOnlyInLengthOrOneByte_AreDifferentEntries()
    {
        var table = new Utf8StringTable();
        string[] texts = ["", "a", "a\0", "ab", "abc", "abcd", "abce", "abcdefg", "abcdefgh", "abcdefgi", "abcdefghi", "ünï", "ün", "😀"];

        var entries = texts.Select(t => Intern(table, t)).ToList();

        entries.Should().OnlyHaveUniqueItems();
        table.Find("abcdefgj").Should().Be(-1);
        table.Find("😀").Should().Be(entries[^1]);
    }
}
