using Moment.Application.Staffing;
using Moment.Domain;
using Moment.Domain.Staffing;

namespace Moment.Application.Tests.Staffing;

public sealed class ForecastCsvTests
{
    [Fact]
    public void Parse_WithHeaderAndUnits_ReadsEveryInterval()
    {
        var forecast = ForecastCsv.Parse("start,contacts,aht\n07:00,107,4m30s\n07:30,187.5,270\n\n# lunch\n08:00,280,4.5m\n");

        Assert.Equal(TimeSpan.FromMinutes(30), forecast.IntervalLength);
        Assert.Equal(
            [
                new ForecastInterval(new TimeOnly(7, 0), 107, TimeSpan.FromSeconds(270)),
                new ForecastInterval(new TimeOnly(7, 30), 187.5, TimeSpan.FromSeconds(270)),
                new ForecastInterval(new TimeOnly(8, 0), 280, TimeSpan.FromSeconds(270)),
            ],
            forecast.Intervals);
    }

    [Fact]
    public void Parse_SemicolonsAndDecimalCommas_AsASwedishSpreadsheetWritesThem()
    {
        var forecast = ForecastCsv.Parse("Intervall;Samtal;AHT\r\n9:00;12,5;190\r\n9:15;14;3m10s\r\n");

        Assert.Equal(TimeSpan.FromMinutes(15), forecast.IntervalLength);
        Assert.Equal(12.5, forecast.Intervals[0].Contacts);
        Assert.Equal(TimeSpan.FromSeconds(190), forecast.Intervals[1].AverageHandleTime);
    }

    [Theory]
    [InlineData("start,contacts,aht\n07:00,10,3m\n07:60,10,3m", "Line 3: '07:60' is not a time of day")]
    [InlineData("07:00,10,3m\n07:30,ten,3m", "Line 2: 'ten' is not a number of contacts.")]
    [InlineData("07:00,10,3m\n07:30,10", "Line 2: expected 3 columns")]
    [InlineData("07:00,10,3m\n07:30,-1,3m", "Line 2: the number of contacts cannot be negative.")]
    [InlineData("07:00,10,3m\n07:30,10,3x", "Line 2: '3x' is not an average handle time")]
    [InlineData("07:00,10,3m\n07:30,10,0s", "Line 2: the average handle time must be longer than zero")]
    [InlineData("07:00,10,3m\n07:20,10,3m", "Line 2: intervals must be 15, 30 or 60 minutes apart.")]
    [InlineData("07:00,10,3m\n07:30,10,3m\n08:30,10,3m", "Line 3: expected the interval starting 08:00, every 30 minutes.")]
    [InlineData("23:00,10,3m\n23:30,10,3m\n00:00,10,3m", "Line 3: the forecast must end by midnight.")]
    [InlineData("\n\n", "The forecast is empty")]
    public void Parse_BadLine_SaysWhichLineAndWhat(string csv, string expected)
    {
        var error = Assert.Throws<DomainRuleException>(() => ForecastCsv.Parse(csv));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("Forecast", error.Field);
    }

    [Fact]
    public void Write_DemoForecast_ParsesBackToTheSameForecast()
    {
        var csv = ForecastCsv.Write(DemoForecast.Day);

        var parsed = ForecastCsv.Parse(csv);

        Assert.StartsWith("start,contacts,aht\n07:00,107,4m30s\n", csv, StringComparison.Ordinal);
        Assert.Equal(DemoForecast.Day.IntervalLength, parsed.IntervalLength);
        Assert.Equal(DemoForecast.Day.Intervals, parsed.Intervals);
    }
}
