namespace Moment.Staffing;

/// <summary>
/// Thrown when an input to a staffing calculation cannot describe a real contact centre
/// (a negative handle time, a service level of 120 %, a forecast and a plan of different lengths …).
/// The message says in plain English what is wrong, so a command line or a web form can show it as it is.
/// </summary>
public class StaffingInputException : ArgumentException
{
    public StaffingInputException()
    {
    }

    public StaffingInputException(string message)
        : base(message)
    {
    }

    public StaffingInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
