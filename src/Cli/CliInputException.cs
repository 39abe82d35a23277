namespace Moment.Cli;

/// <summary>Bad input from the command line: reported as one line on stderr with exit code 2.</summary>
public sealed class CliInputException(string message) : Exception(message);
