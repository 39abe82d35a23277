using Moment.Cli;

return await MomentCli.RunAsync(args, Console.Out, Console.Error);
