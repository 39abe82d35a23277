using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Moment.Cli.ApiTokens;
using Moment.Cli.Database;
using Moment.Cli.Staff;
using Moment.Cli.Staffing;

namespace Moment.Cli;

/// <summary>
/// The <c>moment</c> command line. It reads the same configuration keys as the web app
/// (<c>Database:Provider</c>, <c>ConnectionStrings:Moment</c>), so both work on the same database.
/// Exit codes: 0 done, 1 failed, 2 bad input.
/// </summary>
public static class MomentCli
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        configuration ??= new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var console = new CliConsole(output, error, configuration);

        var root = new RootCommand("Moment: customer service where the person who meets the customer can solve the problem.")
        {
            DatabaseCommands.Create(console),
            TokenCommands.Create(console),
            UsersCommands.Create(console),
            StaffingCommands.Create(console),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await error.WriteLineAsync("error: " + parsed.Errors[0].Message);
            return BadInput;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (CliInputException input)
        {
            await error.WriteLineAsync("error: " + input.Message);
            return BadInput;
        }
    }
}
