namespace ClosureBot.Offboarding;

/// <summary>Configuration section <c>Support</c>: how customers reach a person.</summary>
public sealed class SupportOptions
{
    public const string SectionName = "Support";

    public string Email { get; set; } = "help@ctl.io";
    public string? Phone { get; set; }
    public string Hours { get; set; } = "24 hours a day, 7 days a week";
    public string PortalUrl { get; set; } = "https://control.ctl.io/";
    public string ServiceTaskUrl { get; set; } = "https://www.ctl.io/service-tasks/";
}
