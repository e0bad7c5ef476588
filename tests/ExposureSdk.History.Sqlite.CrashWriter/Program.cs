using System.Globalization;
using ExposureSdk.History.Sqlite;
using ExposureSdk.History.Sqlite.CrashWriter;

// Usage: CrashWriter <database> <first card number> <max cards>
var path = args[0];
var first = int.Parse(args[1], CultureInfo.InvariantCulture);
var max = int.Parse(args[2], CultureInfo.InvariantCulture);
using var store = new SqliteScoreHistoryStore(path);
for (var n = first; n < first + max; n++)
{
    await store.AppendAsync(CrashCards.Card(n), []);
    Console.Out.WriteLine("ACK " + n.ToString(CultureInfo.InvariantCulture));
    Console.Out.Flush();
}

return 0;
