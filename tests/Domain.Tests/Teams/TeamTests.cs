using Moment.Domain.Teams;

namespace Moment.Domain.Tests.Teams;

public sealed class TeamTests
{
    [Fact]
    public void Create_WithName_TrimsItAndHasNoLeadershipYet()
    {
        var team = Team.Create("  Phone ");

        Assert.Equal("Phone", team.Name);
        Assert.Null(team.TeamLeadId);
        Assert.Null(team.ResponsibleManagerId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Create_WithoutName_IsRefusedNamingTheField(string? name)
    {
        var error = Assert.Throws<DomainRuleException>(() => Team.Create(name!));

        Assert.Equal("Name", error.Field);
    }

    [Fact]
    public void Rename_TooLong_IsRefusedAndKeepsTheOldName()
    {
        var team = Team.Create("Chat");

        Assert.Throws<DomainRuleException>(() => team.Rename(new string('x', Team.NameMaxLength + 1)));
        Assert.Equal("Chat", team.Name);
    }

    [Fact]
    public void AppointLeadership_NamesTeamLeadAndManager()
    {
        var team = Team.Create("Shops");
        var lead = Guid.NewGuid();
        var manager = Guid.NewGuid();

        team.AppointLeadership(lead, manager);

        Assert.Equal(lead, team.TeamLeadId);
        Assert.Equal(manager, team.ResponsibleManagerId);
    }
}
