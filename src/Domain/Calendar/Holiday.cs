namespace Moment.Domain.Calendar;

/// <summary>Whether a day off is in the law or only in custom; a team chooses which kinds close its business calendar.</summary>
public enum HolidayKind
{
    /// <summary>An allmän helgdag of lag (1989:253), such as juldagen.</summary>
    PublicHoliday,

    /// <summary>A day Swedish workplaces treat as a holiday although the law does not (julafton, nyårsafton, midsommarafton).</summary>
    DeFactoHoliday,
}

/// <summary>A day off on one date, with its Swedish and English names.</summary>
public sealed record Holiday(DateOnly Date, HolidayKind Kind, string SwedishName, string EnglishName);
