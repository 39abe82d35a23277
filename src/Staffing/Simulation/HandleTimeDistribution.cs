namespace Moment.Staffing.Simulation;

/// <summary>
/// How handle times vary around each interval's average handle time (AHT).
/// </summary>
/// <remarks>
/// Log-normal with mean m and coefficient of variation c (standard deviation ÷ mean): ln X ~ Normal(μ, σ²) with
/// σ² = ln(1 + c²) and μ = ln m − σ²/2, so that E[X] = m and SD[X] = c·m. c = 0 gives every contact exactly the AHT.
/// </remarks>
public sealed record HandleTimeDistribution
{
    private HandleTimeDistribution(HandleTimeShape shape, double coefficientOfVariation)
    {
        Shape = shape;
        CoefficientOfVariation = coefficientOfVariation;
    }

    /// <summary>Exponential handle times (coefficient of variation 1), the Erlang assumption.</summary>
    public static HandleTimeDistribution Exponential { get; } = new(HandleTimeShape.Exponential, 1);

    /// <summary>The distribution family.</summary>
    public HandleTimeShape Shape { get; }

    /// <summary>Standard deviation ÷ mean of the handle time.</summary>
    public double CoefficientOfVariation { get; }

    /// <summary>Log-normal handle times with this coefficient of variation (≥ 0; real contact centres often see 0.5–1.5).</summary>
    /// <exception cref="StaffingInputException">The coefficient is negative or not a number.</exception>
    public static HandleTimeDistribution LogNormal(double coefficientOfVariation)
    {
        Require.NotNegative(coefficientOfVariation, "the coefficient of variation of the handle time");
        return new(HandleTimeShape.LogNormal, coefficientOfVariation);
    }
}
