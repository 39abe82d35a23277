using Moment.Domain;

namespace Moment.Application;

/// <summary>The thing asked for does not exist, or the asker may not know that it does.</summary>
public sealed class NotFoundException(string format, params object?[] arguments) : RefusalException(format, arguments);
