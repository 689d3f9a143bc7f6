using Xunit;
using Portal.Core.Audits;

namespace Portal.Tests.Core.Audits;

public class GradeAgreementTests
{
    /// <summary>
    /// Husbands' and wives' ratings of sexual fun on four ordered categories (Never or occasionally, Fairly
    /// often, Very often, Almost always), n = 91: Hout, Duncan and Sobel (1987), reproduced in Agresti,
    /// "Categorical Data Analysis", and shipped as the SexualFun data set of the R package vcd. The
    /// documented example Kappa(SexualFun) prints: Unweighted 0.1293, Weighted (equal spacing) 0.2374.
    /// </summary>
    private static readonly int[,] SexualFun =
    {
        { 7, 7, 2, 3 },
        { 2, 8, 3, 7 },
        { 1, 5, 4, 9 },
        { 2, 8, 9, 14 },
    };

    /// <summary>
    /// Two dermatologists rating 88 patients' skin condition as terrible, poor, marginal or clear: SAS/STAT
    /// User's Guide, "The FREQ Procedure — Getting Started: Agreement Study" (Table "Skin Condition Data").
    /// The documented simple kappa is 0.3449.
    /// </summary>
    private static readonly int[,] SkinCondition =
    {
        { 10, 4, 1, 0 },
        { 5, 10, 12, 2 },
        { 2, 4, 12, 5 },
        { 0, 2, 6, 13 },
    };

    [Fact]
    public void Unweighted_and_linear_kappa_match_the_published_SexualFun_example()
    {
        Assert.Equal(0.1293, GradeAgreement.Kappa(SexualFun, KappaWeighting.Unweighted)!.Value, 4);
        Assert.Equal(0.2374, GradeAgreement.Kappa(SexualFun, KappaWeighting.Linear)!.Value, 4);
    }

    [Fact]
    public void Simple_kappa_matches_the_published_SAS_skin_condition_example()
    {
        Assert.Equal(0.3449, GradeAgreement.Kappa(SkinCondition, KappaWeighting.Unweighted)!.Value, 4);
    }

    [Fact]
    public void Quadratic_kappa_equals_the_moment_formula_it_is_known_to_reduce_to()
    {
        // With quadratic weights, kappa = 2·cov(X,Y) / (var X + var Y + (mean X − mean Y)²), using moments with
        // divisor n (Fleiss and Cohen 1973; Schuster 2004). Computed here independently from the table's scores.
        foreach (var table in new[] { SexualFun, SkinCondition })
        {
            double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
            for (var i = 0; i < 4; i++)
                for (var j = 0; j < 4; j++)
                {
                    double f = table[i, j];
                    n += f; sx += f * i; sy += f * j; sxx += f * i * i; syy += f * j * j; sxy += f * i * j;
                }
            double mx = sx / n, my = sy / n;
            double vx = sxx / n - mx * mx, vy = syy / n - my * my, cov = sxy / n - mx * my;
            var expected = 2 * cov / (vx + vy + (mx - my) * (mx - my));
            Assert.Equal(expected, GradeAgreement.Kappa(table, KappaWeighting.Quadratic)!.Value, 10);
        }
        Assert.Equal(0.3320, GradeAgreement.Kappa(SexualFun, KappaWeighting.Quadratic)!.Value, 4);
    }

    [Fact]
    public void Agreement_on_audit_grades_counts_exact_matches_and_weights_near_misses()
    {
        var pairs = new List<GradePair>
        {
            new(AuditGrade.Good, AuditGrade.Good),
            new(AuditGrade.Good, AuditGrade.Outstanding),
            new(AuditGrade.Adequate, AuditGrade.Adequate),
            new(AuditGrade.RequiresImprovement, AuditGrade.RequiresImprovement),
            new(AuditGrade.Outstanding, AuditGrade.Outstanding),
        };
        var result = GradeAgreement.Compute(pairs);
        Assert.Equal(5, result.Count);
        Assert.Equal(0.8, result.ExactAgreement!.Value, 10);
        Assert.True(result.LinearKappa > result.UnweightedKappa);
        Assert.True(result.QuadraticKappa > result.LinearKappa);
    }

    [Fact]
    public void Perfect_agreement_gives_kappa_of_one()
    {
        var result = GradeAgreement.Compute(AuditGrades.All.Select(g => new GradePair(g, g)));
        Assert.Equal(1.0, result.UnweightedKappa!.Value, 10);
        Assert.Equal(1.0, result.QuadraticKappa!.Value, 10);
    }

    [Fact]
    public void Kappa_is_undefined_rather_than_invented_when_every_grade_is_the_same()
    {
        var result = GradeAgreement.Compute([new(AuditGrade.Good, AuditGrade.Good), new(AuditGrade.Good, AuditGrade.Good)]);
        Assert.Equal(1.0, result.ExactAgreement);
        Assert.Null(result.LinearKappa);
        Assert.Equal("Not enough variation to measure", GradeAgreement.Interpret(result.LinearKappa));
    }

    [Fact]
    public void Kappa_values_are_described_in_words()
    {
        Assert.Equal("Fair", GradeAgreement.Interpret(0.2374));
        Assert.Equal("Substantial", GradeAgreement.Interpret(0.75));
        Assert.Equal("Poor (less than chance)", GradeAgreement.Interpret(-0.1));
    }
}
