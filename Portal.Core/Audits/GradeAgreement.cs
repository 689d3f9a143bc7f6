namespace Portal.Core.Audits;

public enum KappaWeighting
{
    /// <summary>Cohen's (1960) kappa: only exact agreement counts.</summary>
    Unweighted,

    /// <summary>Weights 1 − |i−j|/(k−1) ("equal spacing", Cicchetti–Allison).</summary>
    Linear,

    /// <summary>Weights 1 − (i−j)²/(k−1)² (Fleiss–Cohen).</summary>
    Quadratic,
}

/// <summary>An auditor's grade and the moderator's grade for the same audit.</summary>
public sealed record GradePair(AuditGrade AuditorGrade, AuditGrade ModeratedGrade);

/// <param name="ExactAgreement">Share of audits where the moderator gave the same grade (0–1).</param>
/// <param name="LinearKappa">Null when there is no variation to measure agreement against (e.g. all one grade).</param>
public sealed record AgreementResult(int Count, double? ExactAgreement, double? UnweightedKappa, double? LinearKappa, double? QuadraticKappa)
{
    public static readonly AgreementResult None = new(0, null, null, null, null);
}

/// <summary>
/// Agreement between auditors and moderators on the four ordered grades: the exact agreement rate and
/// Cohen's weighted kappa (Cohen 1968), κw = (po − pe) / (1 − pe), where po = Σ wij·pij is the weighted
/// observed agreement and pe = Σ wij·pi·qj the agreement expected by chance from the two sets of marginal
/// totals. Weighted kappa gives partial credit to near misses (Good vs Outstanding) that plain agreement
/// counts as total disagreement.
/// </summary>
public static class GradeAgreement
{
    public static AgreementResult Compute(IEnumerable<GradePair> pairs)
    {
        var list = pairs.ToList();
        if (list.Count == 0)
            return AgreementResult.None;
        var k = AuditGrades.All.Count;
        var table = new int[k, k];
        foreach (var p in list)
            table[(int)p.AuditorGrade - 1, (int)p.ModeratedGrade - 1]++;
        return new AgreementResult(list.Count,
            list.Count(p => p.AuditorGrade == p.ModeratedGrade) / (double)list.Count,
            Kappa(table, KappaWeighting.Unweighted),
            Kappa(table, KappaWeighting.Linear),
            Kappa(table, KappaWeighting.Quadratic));
    }

    /// <summary>Kappa of a square contingency table (rows: first rater, columns: second), categories in order.</summary>
    public static double? Kappa(int[,] table, KappaWeighting weighting)
    {
        var k = table.GetLength(0);
        if (k != table.GetLength(1) || k < 2)
            throw new ArgumentException("The table must be square with at least two categories.", nameof(table));
        double n = 0;
        var rows = new double[k];
        var cols = new double[k];
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++)
            {
                n += table[i, j];
                rows[i] += table[i, j];
                cols[j] += table[i, j];
            }
        if (n == 0)
            return null;

        double observed = 0, expected = 0;
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++)
            {
                var w = Weight(i, j, k, weighting);
                observed += w * table[i, j] / n;
                expected += w * (rows[i] / n) * (cols[j] / n);
            }
        // With no spread in the margins chance agreement is total and kappa is undefined, not 0 or 1.
        return 1 - expected < 1e-12 ? null : (observed - expected) / (1 - expected);
    }

    public static double Weight(int i, int j, int k, KappaWeighting weighting) => weighting switch
    {
        KappaWeighting.Unweighted => i == j ? 1 : 0,
        KappaWeighting.Linear => 1 - Math.Abs(i - j) / (double)(k - 1),
        KappaWeighting.Quadratic => 1 - Math.Pow(i - j, 2) / Math.Pow(k - 1, 2),
        _ => throw new ArgumentOutOfRangeException(nameof(weighting)),
    };

    /// <summary>Landis and Koch's (1977) benchmark words, so a number is never shown without its meaning.</summary>
    public static string Interpret(double? kappa) => kappa switch
    {
        null => "Not enough variation to measure",
        < 0 => "Poor (less than chance)",
        <= 0.20 => "Slight",
        <= 0.40 => "Fair",
        <= 0.60 => "Moderate",
        <= 0.80 => "Substantial",
        _ => "Almost perfect",
    };
}
