namespace Moment.Web;

/// <summary>
/// Demo mode (<c>Demo:Enabled</c>, on in Development): an empty database is filled with the demo operator and the start
/// page lists the demo accounts. Off in production, where no demo account is ever created.
/// </summary>
public sealed class DemoMode
{
    public bool Enabled { get; set; }
}
