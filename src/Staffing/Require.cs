using System.Globalization;

namespace Moment.Staffing;

/// <summary>Input checks shared by the calculations; each failure is a <see cref="StaffingInputException"/> in plain English.</summary>
internal static class Require
{
    public static void Positive(TimeSpan value, string what)
    {
        if (value <= TimeSpan.Zero)
            throw Fail($"{what} must be longer than zero (got {value.TotalSeconds:0.###} s)");
    }

    public static void NotNegative(TimeSpan value, string what)
    {
        if (value < TimeSpan.Zero)
            throw Fail($"{what} cannot be negative (got {value.TotalSeconds:0.###} s)");
    }

    public static void NotNegative(double value, string what)
    {
        if (!double.IsFinite(value) || value < 0)
            throw Fail($"{what} must be a number of zero or more (got {value})");
    }

    public static void AtLeast(int value, int minimum, string what)
    {
        if (value < minimum)
            throw Fail($"{what} must be at least {minimum} (got {value})");
    }

    /// <summary>A probability-like share strictly above 0 and at most 1.</summary>
    public static void Share(double value, string what)
    {
        if (!double.IsFinite(value) || value <= 0 || value > 1)
            throw Fail($"{what} must be above 0 and at most 1, that is above 0 % and at most 100 % (got {value})");
    }

    /// <summary>A probability in [0, 1].</summary>
    public static void Probability(double value, string what)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1)
            throw Fail($"{what} must be between 0 and 1, that is between 0 % and 100 % (got {value})");
    }

    public static StaffingInputException Fail(FormattableString message) =>
        new(message.ToString(CultureInfo.InvariantCulture));
}
