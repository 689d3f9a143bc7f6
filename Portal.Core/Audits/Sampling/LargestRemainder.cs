namespace Portal.Core.Audits.Sampling;

/// <summary>
/// Shares a whole number of places between groups in proportion to their sizes (the largest remainder,
/// or Hamilton, method): each group gets the whole part of its exact share, then the places left over go
/// to the groups with the largest fractional parts. Ties go to the larger group, then by name (ordinal),
/// so the result never depends on input order.
/// </summary>
public static class LargestRemainder
{
    public static IReadOnlyDictionary<string, int> Apportion(IReadOnlyDictionary<string, int> sizes, int places)
    {
        if (places < 0)
            throw new ArgumentOutOfRangeException(nameof(places));
        var total = sizes.Values.Sum();
        if (total == 0 || places == 0)
            return sizes.ToDictionary(s => s.Key, _ => 0);
        if (places >= total)
            return sizes.ToDictionary(s => s.Key, s => s.Value);

        // Exact arithmetic: share = places * size / total, kept as a whole part and a remainder numerator.
        var shares = sizes.Select(s => new
        {
            s.Key,
            Size = s.Value,
            Whole = (int)((long)places * s.Value / total),
            Remainder = (long)places * s.Value % total,
        }).ToList();
        var result = shares.ToDictionary(s => s.Key, s => s.Whole);
        var left = places - shares.Sum(s => s.Whole);
        foreach (var s in shares.OrderByDescending(s => s.Remainder).ThenByDescending(s => s.Size).ThenBy(s => s.Key, StringComparer.Ordinal).Take(left))
            result[s.Key]++;
        return result;
    }
}
