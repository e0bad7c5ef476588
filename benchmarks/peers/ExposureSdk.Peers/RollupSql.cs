namespace ExposureSdk.Peers;

/// <summary>The statements of benchmarks/peers/rollup.sql, which DuckDB and SQLite both run unchanged.</summary>
internal static class RollupSql
{
    /// <summary>Reads and splits the file copied beside the runner (statements end at a line holding only ';').</summary>
    public static IReadOnlyList<string> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "rollup.sql");
        var statements = new List<string>();
        var current = new List<string>();
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Trim() == ";")
            {
                Flush();
                continue;
            }

            if (!line.TrimStart().StartsWith("--", StringComparison.Ordinal))
            {
                current.Add(line);
            }
        }

        Flush();
        if (statements.Count != 4)
        {
            throw new InvalidOperationException($"{path} holds {statements.Count} statements; expected 4 (create metric_scores, initiative scores, metric scores, drop).");
        }

        return statements;

        void Flush()
        {
            var text = string.Join('\n', current).Trim();
            if (text.Length > 0)
            {
                statements.Add(text);
            }

            current.Clear();
        }
    }
}
