namespace Moment.Domain.Queues;

/// <summary>How a queue chooses among the agents who could take its next contact.</summary>
public enum RoutingRule
{
    /// <summary>The agent who has been free the longest: the fairest share of the work, and the usual default.</summary>
    LongestIdle,

    /// <summary>The agent offered a contact the longest ago, free or not: turns go round whatever the load.</summary>
    RoundRobin,
}

/// <summary>
/// A line of waiting customers that belongs to a team (PRODUCT.md principle 7: an honest queue). Its skills say who
/// may answer it; its norm is the service level the team holds itself to, shown on the queue wall.
/// </summary>
public sealed class Queue
{
    public const int NameMaxLength = 100;

    public static readonly TimeSpan DefaultOfferTime = TimeSpan.FromSeconds(20);

    private Queue()
    {
    }

    public Guid Id { get; private set; }

    public Guid TeamId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>What an agent must have to answer this queue: its language (sv, en) and product areas.</summary>
    public Skills Skills { get; private set; } = Skills.None;

    /// <summary>How long an offer waits for the agent before it goes to the next one.</summary>
    public TimeSpan OfferTime { get; private set; } = DefaultOfferTime;

    public RoutingRule Routing { get; private set; }

    public ServiceLevelNorm Norm => new(NormShare, NormWithin);

    public double NormShare { get; private set; } = ServiceLevelNorm.Default.Share;

    public TimeSpan NormWithin { get; private set; } = ServiceLevelNorm.Default.Within;

    /// <summary>Whether the team's question-and-answer bot greets a chat before it joins the line (never alone).</summary>
    public bool BotFirst { get; private set; }

    public static Queue Create(Guid teamId, string? name, Skills skills) => new()
    {
        Id = Guid.CreateVersion7(),
        TeamId = teamId,
        Name = Text.Required(name, "Name", NameMaxLength),
        Skills = skills,
    };

    public void Change(string? name, Skills skills, TimeSpan offerTime, RoutingRule routing, ServiceLevelNorm norm, bool botFirst)
    {
        if (offerTime < TimeSpan.FromSeconds(5) || offerTime > TimeSpan.FromMinutes(5))
            throw new DomainRuleException("An offer must wait between 5 seconds and 5 minutes for the agent.", "OfferTime");
        Name = Text.Required(name, "Name", NameMaxLength);
        Skills = skills;
        OfferTime = offerTime;
        Routing = routing;
        NormShare = norm.Share;
        NormWithin = norm.Within;
        BotFirst = botFirst;
    }
}

/// <summary>
/// The share of contacts a team means to answer within a time: 80 % within 20 seconds by default. (The strictest public
/// norm found is 95 % of calls answered by a person within 3 minutes.)
/// </summary>
public sealed record ServiceLevelNorm
{
    public ServiceLevelNorm(double share, TimeSpan within)
    {
        if (share is <= 0 or > 1 || double.IsNaN(share))
            throw new DomainRuleException("The norm's share must be more than 0 % and at most 100 %.", "NormShare");
        if (within <= TimeSpan.Zero || within > TimeSpan.FromHours(24))
            throw new DomainRuleException("The norm's answer time must be more than 0 seconds and at most a day.", "NormSeconds");
        Share = share;
        Within = within;
    }

    public static ServiceLevelNorm Default { get; } = new(0.8, TimeSpan.FromSeconds(20));

    public double Share { get; }

    public TimeSpan Within { get; }
}
