using System.Globalization;
using ExposureSdk.History;
using ExposureSdk.History.Sqlite;
using ExposureSdk.History.Sqlite.CrashWriter;

// Usage:
//   CrashWriter <database> <first card number> <max cards>
//     appends cards one by one, printing "ACK n" after each acknowledged write;
//   CrashWriter rebuild <database> <first tenant number> <max tenants> <days>
//     writes a rebuilt history of <days> cards per tenant in one AppendManyAsync, printing "READY" once
//     the store is open and "ACK k" after each acknowledged rebuild of tenant k;
//   CrashWriter hold-lock <database>
//     holds the database's write lock until a line arrives on standard input (see HoldLock).
if (args.Length == 2 && args[0] == "hold-lock")
{
    return await HoldLock.RunAsync(args[1]);
}

if (args.Length > 0 && args[0] == "rebuild")
{
    var database = args[1];
    var firstTenant = int.Parse(args[2], CultureInfo.InvariantCulture);
    var tenants = int.Parse(args[3], CultureInfo.InvariantCulture);
    var days = int.Parse(args[4], CultureInfo.InvariantCulture);
    using var rebuildStore = new SqliteScoreHistoryStore(database);
    await rebuildStore.GetLatestCardAsync(CrashCards.RebuildTenant(firstTenant));
    Console.Out.WriteLine("READY");
    Console.Out.Flush();
    for (var k = firstTenant; k < firstTenant + tenants; k++)
    {
        var entries = Enumerable.Range(0, days).Select(d => new ScoreHistoryEntry(CrashCards.RebuiltCard(k, d), [])).ToArray();
        await rebuildStore.AppendManyAsync(entries);
        Console.Out.WriteLine("ACK " + k.ToString(CultureInfo.InvariantCulture));
        Console.Out.Flush();
    }

    return 0;
}

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
