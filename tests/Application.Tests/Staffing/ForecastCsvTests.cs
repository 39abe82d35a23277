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

    [Fact]
    public void Parse_QuotedFields_ReadsTheirValues()
    {
        var forecast = ForecastCsv.Parse("\"start\",\"contacts\",\"aht\"\n\"07:00\",\"107\",\"4m30s\"\n\"07:30\", \" 90 \" ,270\n");

        Assert.Equal(
            [
                new ForecastInterval(new TimeOnly(7, 0), 107, TimeSpan.FromSeconds(270)),
                new ForecastInterval(new TimeOnly(7, 30), 90, TimeSpan.FromSeconds(270)),
            ],
            forecast.Intervals);
    }

    [Fact]
    public void Parse_SemicolonsWithAQuotedDecimalComma_KeepTheCommaInTheField()
    {
        var forecast = ForecastCsv.Parse("Intervall;Samtal;AHT\n9:00;\"4,5\";\"190,5\"\n9:15;\"14\";3m10s\n");

        Assert.Equal([4.5, 14], forecast.Intervals.Select(i => i.Contacts));
        Assert.Equal(TimeSpan.FromSeconds(190.5), forecast.Intervals[0].AverageHandleTime);
    }

    [Fact]
    public void Parse_CommasWithAQuotedHeaderHoldingASemicolon_StillSplitsOnCommas()
    {
        var forecast = ForecastCsv.Parse("\"start; local time\",contacts,\"aht, m:s\"\n07:00,10,3m\n07:15,12,3m\n");

        Assert.Equal(TimeSpan.FromMinutes(15), forecast.IntervalLength);
        Assert.Equal([10.0, 12.0], forecast.Intervals.Select(i => i.Contacts));
    }

    [Fact]
    public void Parse_TabsWithAQuotedTab_KeepTheTabInTheField()
    {
        var error = Assert.Throws<DomainRuleException>(() => ForecastCsv.Parse("07:00\t10\t3m\n07:30\t\"1\t0\"\t3m"));

        Assert.Equal("Line 2: '1\t0' is not a number of contacts.", error.Message);
    }

    [Theory]
    [InlineData("07:00,10,3m\n07:30,\"10,3m\n08:00,10,3m", "Line 2: a quote opens a field but nothing closes it.")]
    [InlineData("07:00;10;3m\n07:30;10;\"3m", "Line 2: a quote opens a field but nothing closes it.")]
    [InlineData("07:00,10,3m\n07:30,1\"0,3m", "Line 2: a quote in the middle of a field")]
    // The comma inside quotes is the field's own, not a fourth column; a decimal comma needs semicolons.
    [InlineData("07:00,10,3m\n07:30,\"1,5\",3m", "Line 2: '1,5' is not a number of contacts.")]
    [InlineData("07:00,10,3m\n07:30,\"10\"0,3m", "Line 2: a quote in the middle of a field")]
    public void Parse_QuotesAroundBadFields_SaysWhichLineAndWhat(string csv, string expected)
    {
        var error = Assert.Throws<DomainRuleException>(() => ForecastCsv.Parse(csv));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("Forecast", error.Field);
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
