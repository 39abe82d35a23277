namespace Moment.Domain.Cases;

/// <summary>A kind of case (fault report, complaint, billing, question …), configured by administrators.</summary>
public sealed class CaseType
{
    public const int NameMaxLength = 100;
    public static readonly TimeSpan DefaultResolutionWindow = TimeSpan.FromDays(7);

    private CaseType(Guid id, string name, TimeSpan resolutionWindow)
    {
        Id = id;
        Name = name;
        ResolutionWindow = resolutionWindow;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>How long a customer has to object to a proposed resolution before the case counts as resolved by silence.</summary>
    public TimeSpan ResolutionWindow { get; private set; }

    public static CaseType Create(string name, TimeSpan? resolutionWindow = null)
    {
        var window = resolutionWindow ?? DefaultResolutionWindow;
        if (window <= TimeSpan.Zero)
            throw new DomainRuleException("The resolution window must be longer than zero.", "ResolutionWindow");
        return new CaseType(Guid.CreateVersion7(), Text.Required(name, "Name", NameMaxLength), window);
    }
}
