namespace Realty.Live.Bench;

/// <summary>A latency distribution in milliseconds (nearest-rank percentiles).</summary>
public sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    public static readonly Percentiles Empty = new(0, 0, 0, 0, 0);

    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }
        double At(double p) => Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 1);
        return new Percentiles(sorted.Length, At(0.50), At(0.95), At(0.99), Math.Round(sorted[^1], 1));
    }

    public override string ToString() => Count == 0 ? "—" : $"{P50:0.0} / {P95:0.0} / {P99:0.0} / {Max:0.0}";
}
