namespace ExposureSdk.Scoring;

/// <summary>
/// A partial metric rollup over a set of assets: exact integer counts of assets in scope and affected
/// per metric, and the first affected asset indices. <see cref="Empty"/> is the identity of
/// <see cref="Merge"/>, which is associative and commutative for partials over disjoint asset sets.
/// </summary>
internal sealed class MetricPartial
{
    internal MetricPartial(long[] scope, long[] affected, int[][] top)
    {
        Scope = scope;
        Affected = affected;
        Top = top;
    }

    public long[] Scope { get; }

    public long[] Affected { get; }

    public int[][] Top { get; }

    public static MetricPartial Empty(int metricCount)
    {
        var top = new int[metricCount][];
        Array.Fill(top, []);
        return new MetricPartial(new long[metricCount], new long[metricCount], top);
    }

    public static MetricPartial Merge(MetricPartial a, MetricPartial b)
    {
        var n = a.Scope.Length;
        var scope = new long[n];
        var affected = new long[n];
        var top = new int[n][];
        for (var m = 0; m < n; m++)
        {
            scope[m] = a.Scope[m] + b.Scope[m];
            affected[m] = a.Affected[m] + b.Affected[m];
            top[m] = MergeTop(a.Top[m], b.Top[m]);
        }

        return new MetricPartial(scope, affected, top);
    }

    private static int[] MergeTop(int[] x, int[] y)
    {
        if (y.Length == 0)
        {
            return x;
        }

        if (x.Length == 0)
        {
            return y;
        }

        var result = new List<int>(Math.Min(MetricScore.TopAffectedLimit, x.Length + y.Length));
        int i = 0, j = 0;
        while (result.Count < MetricScore.TopAffectedLimit && (i < x.Length || j < y.Length))
        {
            if (j >= y.Length || (i < x.Length && x[i] < y[j]))
            {
                result.Add(x[i++]);
            }
            else if (i >= x.Length || y[j] < x[i])
            {
                result.Add(y[j++]);
            }
            else
            {
                result.Add(x[i]);
                i++;
                j++;
            }
        }

        return [.. result];
    }
}
