namespace ExposureSdk.Queries;

/// <summary>One page of query results.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    /// <summary>Creates a page.</summary>
    /// <param name="items">The items of this page.</param>
    /// <param name="pageNumber">The page number, from 1.</param>
    /// <param name="pageSize">The most items a page holds (1 or more).</param>
    /// <param name="totalCount">How many items match in all pages (0 or more).</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range, or <paramref name="items"/> holds more than <paramref name="pageSize"/> items.</exception>
    public Page(IReadOnlyList<T> items, int pageNumber, int pageSize, int totalCount)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(totalCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(items.Count, pageSize, nameof(items));
        Items = items;
        PageNumber = pageNumber;
        PageSize = pageSize;
        TotalCount = totalCount;
    }

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The page number, from 1.</summary>
    public int PageNumber { get; }

    /// <summary>The most items a page holds.</summary>
    public int PageSize { get; }

    /// <summary>How many items match in all pages.</summary>
    public int TotalCount { get; }

    /// <summary>How many pages the matching items fill (0 when none match).</summary>
    public int PageCount => (int)((TotalCount + (long)PageSize - 1) / PageSize);

    /// <summary>Whether a later page exists.</summary>
    public bool HasNextPage => PageNumber < PageCount;
}
