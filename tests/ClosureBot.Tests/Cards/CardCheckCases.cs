using System.Text.Json.Nodes;

namespace ClosureBot.Tests.Cards;

// Data beyond the designer samples, so every `$when` branch and awkward text is compared with the
// official engine too.
public static class CardCheckCases
{
    public static IEnumerable<CardCheckCase> Variants()
    {
        yield return Case("step1-retrieve-data", "no-servers", """
            {"accountAlias":"ACME","servers":[],"serverCount":0,"serviceTaskUrl":"https://www.ctl.io/service-tasks/"}
            """);
        yield return Case("step1-retrieve-data", "one-server", """
            {"accountAlias":"ACME","servers":[{"name":"VA1ACMEWEB01","kind":"Virtual","dataCenter":"VA1","state":"Paused"}],"serverCount":1,"serviceTaskUrl":"https://www.ctl.io/service-tasks/"}
            """);
        yield return Case("step2-servers", "all-clear", """
            {"accountAlias":"ACME","groups":[],"totalRemaining":0,"checkedAt":"29 November 2026, 14:05 UTC"}
            """);
        yield return Case("step2-servers", "awkward-text", """
            {"accountAlias":"A\"C'M}E","totalRemaining":1,"checkedAt":"${checkedAt}","groups":[{"state":"Archived","count":1,
             "servers":[{"name":"web \"01\" {x} ${name} \\ ü 日本 😀","kind":"Bare metal","dataCenter":"<b>VA1</b>"}]}]}
            """);
        yield return Case("step3-services", "all-clear", """
            {"accountAlias":"ACME","kinds":[],"totalRemaining":0,"checkedAt":"29 November 2026, 14:07 UTC"}
            """);
        yield return Case("exception-term-commitment", "committed", """
            {"accountAlias":"ACME","accountName":"Acme Corporation","termCommitmentOnRecord":true,"commitmentEndsOn":"31 March 2027"}
            """);
        yield return Case("exception-term-commitment", "committed-no-date", """
            {"accountAlias":"ACME","accountName":"Acme Corporation","termCommitmentOnRecord":true,"commitmentEndsOn":null}
            """);
        yield return Case("receipt", "verified-nothing-left", """
            {"reference":"CLS-1","accountAlias":"ACME","requestedAt":"1 December 2026","requesterName":"Jane","verified":true,"remaining":[],"finalInvoiceAfter":"31 December 2026"}
            """);
        yield return Case("progress", "nothing-left", """
            {"accountAlias":"ACME","steps":[{"number":1,"title":"Retrieve your data","status":"current"}],"remaining":[]}
            """);
    }

    private static CardCheckCase Case(string template, string variant, string json) =>
        new($"{template}#{variant}", template, JsonNode.Parse(json)!);
}
