using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Staff;
using Moment.Application.Teams;
using Spectre.Console;

namespace Moment.Cli.Staff;

/// <summary><c>moment users list|add</c>: the staff directory, and the first administrator of a new installation.</summary>
internal static class UsersCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var list = new Command("list", "Lists staff with email, roles and team.") { json };
        list.SetAction((parse, ct) => console.WithApplicationAsync(async services =>
        {
            var staff = await services.GetRequiredService<ListStaff>().HandleAsync(ct);
            if (parse.GetValue(json))
            {
                var rows = staff.Select(s => new { email = s.Email, name = s.DisplayName, roles = s.Roles, team = s.TeamName, active = s.IsActive });
                await console.Output.WriteLineAsync(JsonSerializer.Serialize(rows, Json));
                return MomentCli.Ok;
            }

            var table = new Table().AddColumns("Name", "Email", "Roles", "Team", "Active");
            foreach (var s in staff)
                table.AddRow(Markup.Escape(s.DisplayName), Markup.Escape(s.Email), string.Join(", ", s.Roles), Markup.Escape(s.TeamName ?? ""), s.IsActive ? "yes" : "no");
            var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Output) });
            if (Console.IsOutputRedirected)
                terminal.Profile.Width = 160;
            terminal.Write(table);
            return MomentCli.Ok;
        }, ct));

        var email = new Option<string>("--email") { Description = "Their email address (also their sign-in name).", Required = true };
        var name = new Option<string>("--name") { Description = "Their full name.", Required = true };
        var roles = new Option<string[]>("--role") { Description = "A role; repeat for several: " + string.Join(", ", StaffRoles.All), Required = true, AllowMultipleArgumentsPerToken = false };
        var team = new Option<string?>("--team") { Description = "The name of their team." };
        var password = new Option<string>("--password") { Description = "Their first password (at least 10 characters, upper and lower case, a digit and a symbol).", Required = true };
        var add = new Command("add", "Adds a member of staff, e.g. the first administrator.") { email, name, roles, team, password };
        add.SetAction((parse, ct) => console.WithApplicationAsync(async services =>
        {
            Guid? teamId = null;
            if (parse.GetValue(team) is { } teamName)
            {
                var teams = await services.GetRequiredService<ListTeams>().HandleAsync(ct);
                teamId = teams.FirstOrDefault(t => string.Equals(t.Name, teamName, StringComparison.OrdinalIgnoreCase))?.Id
                    ?? throw new CliInputException($"There is no team called {teamName}.");
            }

            var id = await services.GetRequiredService<SaveStaffMember>().HandleAsync(new SaveStaffMemberRequest(
                null, parse.GetValue(name)!, parse.GetValue(email)!, parse.GetValue(roles)!, teamId, IsActive: true, parse.GetValue(password)), ct);
            await console.Output.WriteLineAsync($"Added {parse.GetValue(name)} ({id}).");
            return MomentCli.Ok;
        }, ct));

        return new Command("users", "Staff.") { list, add };
    }
}
