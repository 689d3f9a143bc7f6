namespace Portal.Core.Audits.Sampling;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; the
/// reference C code by Sebastiano Vigna, prng.di.unimi.it/splitmix64.c). Written out here rather than
/// using System.Random because a sample must be re-derivable from its stored seed for years: .NET does not
/// promise that Random's sequence for a seed stays the same across versions, and this one never changes.
///
/// Each step: state += 0x9E3779B97F4A7C15; z = state; z = (z ^ (z &gt;&gt; 30)) * 0xBF58476D1CE4E5B9;
/// z = (z ^ (z &gt;&gt; 27)) * 0x94D049BB133111EB; output z ^ (z &gt;&gt; 31) — all arithmetic modulo 2^64.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public SplitMix64(long seed) : this(unchecked((ulong)seed)) { }

    public ulong NextUInt64()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>
    /// A uniformly distributed integer in [0, <paramref name="exclusiveMax"/>). Rejection sampling removes the
    /// bias of a plain modulo: draws at or above the largest multiple of the bound are discarded and redrawn.
    /// </summary>
    public int NextInt(int exclusiveMax)
    {
        if (exclusiveMax <= 0)
            throw new ArgumentOutOfRangeException(nameof(exclusiveMax), "The bound must be positive.");
        var bound = (ulong)exclusiveMax;
        var limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong value;
        do value = NextUInt64(); while (value >= limit);
        return (int)(value % bound);
    }

    /// <summary>
    /// Fisher–Yates (Durstenfeld) shuffle, from the last element down: for i = n-1 … 1, swap item i with
    /// item NextInt(i + 1). Returns a new list; the input is not changed.
    /// </summary>
    public List<T> Shuffle<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}
