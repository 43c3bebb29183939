namespace Rca.Contracts;

/// <summary>
/// One page of a list.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Total">The number of items over all pages.</param>
/// <param name="Offset">The number of items skipped before this page.</param>
/// <param name="Limit">The maximum number of items per page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit);
