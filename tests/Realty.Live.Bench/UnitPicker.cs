namespace Realty.Live.Bench;

/// <summary>
/// Chooses units the way an opening-day crowd does: a few hot units (south-facing, mid floors,
/// the cheapest of a layout) that everyone wants, and a long tail. Rank r is chosen with weight
/// 1/r^s (Zipf); which unit holds which rank is a fixed shuffle.
/// </summary>
public sealed class UnitPicker
{
    private readonly int[] _unitByRank;
    private readonly double[] _cumulative;

    public UnitPicker(IReadOnlyList<int> unitIds, double exponent, int seed)
    {
        _unitByRank = [.. unitIds];
        new Random(seed).Shuffle(_unitByRank);
        _cumulative = new double[_unitByRank.Length];
        var sum = 0.0;
        for (var r = 0; r < _cumulative.Length; r++)
        {
            sum += 1.0 / Math.Pow(r + 1, exponent);
            _cumulative[r] = sum;
        }
        for (var r = 0; r < _cumulative.Length; r++)
        {
            _cumulative[r] /= sum;
        }
    }

    /// <summary>The coldest units, which the crowd almost never picks (the race uses them so the load does not).</summary>
    public IReadOnlyList<int> Coldest(int count) => _unitByRank[^Math.Min(count, _unitByRank.Length)..];

    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return _unitByRank[Math.Min(index < 0 ? ~index : index, _unitByRank.Length - 1)];
    }
}
