using System.Text.RegularExpressions;

namespace ClosureBot.Understanding;

/// <summary>
/// English interruptions, written from the English training part of the corpus. Order matters: first match wins.
/// The patterns (below the table) are interpreted, not source-generated: see <see cref="IntentRule"/>.
/// </summary>
internal static class EnglishIntents
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // A cloud customer's subscription is their account: "cancel my subscription" asks for the same closure.
    private const string Account = @"(account|acount|accont|accout|acct|acc|subscription)s?";
    private const string CloseVerb = @"(close|closing|clsoe|colse|cloce|terminate|terminating|termiante|cancel|cancle|cancell|canceling|cancelling|delete|deleting|remove|shut\s*down|shutting\s+down|end|ending|deactivate|deactivating|discontinue|discontinuing|get\s+rid\s+of|getting\s+rid\s+of)";
    private const string Person = @"(a\s+|an\s+|the\s+|some\s+)?(real\s+|live\s+)?(support(\s+(agent|team))?|someone|somebody|person|human|agent|operator|representative|rep|customer\s+(service|support)|sales(\s+team)?)(\s+(in|from|at|on)\s+(the\s+|your\s+)?(support|sales|customer\s+(service|support)|team)(\s+team)?)?";

    public static readonly IntentRule[] Rules =
    [
        IntentRule.Whole(MessageKind.Cancel, EnglishCancel1()),
        IntentRule.Short(MessageKind.Cancel, EnglishCancel2()),
        // A term commitment named as a fact is the article's exception; the router acts on it once its question is behind
        // the customer (before it, and at it, the message is read as it always was).
        IntentRule.Short(MessageKind.TermCommitment, EnglishTermCommitment1()),
        // Before the closure intent: "is my account closed yet?" names the account and "closed" but asks how it stands.
        IntentRule.Whole(MessageKind.Status, EnglishStatus2()),
        // "When is the account closed?" names the closed account but asks how long: the knowledge base answers it.
        IntentRule.Short(MessageKind.Start, EnglishStart1(), unless: EnglishStart1Unless()),
        IntentRule.Whole(MessageKind.Back, EnglishBack1()),
        IntentRule.Whole(MessageKind.Start, EnglishRestart1()),
        IntentRule.Whole(MessageKind.Support, EnglishSupport1()),
        IntentRule.Whole(MessageKind.Support, EnglishSupport2()),
        IntentRule.Whole(MessageKind.Support, EnglishSupport3()),
        IntentRule.Inside(MessageKind.Support, EnglishSupport4()),
        IntentRule.Whole(MessageKind.Help, EnglishHelp1()),
        IntentRule.Whole(MessageKind.Help, EnglishHelp2()),
        IntentRule.Whole(MessageKind.Help, EnglishHelp3()),
        IntentRule.Whole(MessageKind.Help, EnglishHelp4()),
        IntentRule.Whole(MessageKind.Status, EnglishStatus1()),
        IntentRule.Whole(MessageKind.CheckAgain, EnglishCheckAgain1()),
        IntentRule.Short(MessageKind.CheckAgain, EnglishCheckAgain2()),
        IntentRule.Whole(MessageKind.RemindLater, EnglishRemindLater1()),
        IntentRule.Short(MessageKind.RemindLater, EnglishRemindLater2(),
            unless: EnglishRemindLater2Unless()),
    ];

    private static Regex EnglishCancel1() => new(@"^(no[,.!\s]+)?(cancel+|cancle|stop|quit|abort|exit|end|never\s*mind|nvm|forget\s+(it|that|about\s+it)|enough|halt)([\s,.!]+(it|this|that|the\s+(whole\s+)?(closure|process|thing)|the\s+whole\s+thing|everything|all|now|here|then|keep\s+it|cancel+|stop|quit|abort|please|pls))*[\s.!]*$", Options);

    private static Regex EnglishCancel2() => new(@"\b(changed?\s+my\s+mind(?!\s+(after|once|later|when))|(don'?t|do\s+not|no\s+longer)\s+want\s+to\s+(close|cancel|delete|terminate|do\s+this|continue|go\s+on)|(want\s+to|'ll|will|would\s+rather|'d\s+rather)\s+keep\s+(my|our|the|this|it)\b|don'?t\s+close\s+it|(want|like)\s+to\s+(stop|cancel|quit|abort)(?!\s+((my|our|the|this)\s+)?(cloud\s+)?(acc|subscription))|let'?s\s+(stop|not\s+do\s+(this|it))|we'?ll\s+stay|decided\s+to\s+stay|stop\s+(the|this)\s+(closure|process)|keep\s+my\s+account|(don'?t|do\s+not|no\s+longer)\s+want\s+(it|(my|our|the|this)\s+(cloud\s+)?(account|subscription))\s+(to\s+be\s+)?(closed|deleted|terminated|cancell?ed|shut\s+down)|(cancel+|withdraw|retract|revoke)\s+(my|the|our|this|that)\s+((closure|close|closing)\s+)?request)\b", Options);

    private static Regex EnglishStart1() => new($@"\b{CloseVerb}(\s+(down|out|off))?\s+((my|our|the|this|that|an?)\s+)?([\w'-]+\s+){{0,2}}?{Account}\b|\b{Account}\s+(closed|terminated|deleted|cancell?ed|shut\s+down)\b|\b(shut|close)\s+((my|our|the|this)\s+)?([\w'-]+\s+)?{Account}\s+(down|out)\b|\b(start|begin)\s+(the\s+)?(account\s+)?closure\b|^account\s+closure$"
        // "we no longer need the account", not its number or name.
        + $@"|\b(no\s+longer|don'?t|do\s+not)\s+(need|use)\s+((my|our|the|this|that|an?)\s+)?(cloud\s+)?{Account}\b(?!\s*(numbers?|no\b|ids?\b|alias|names?|details))", Options);

    private static Regex EnglishStart1Unless() => new(@"^\W*when\s+(is|will|does|would)\b", Options);

    private static Regex EnglishSupport1() => new($@"^((can|could|may)\s+i\s+|i\s+(want|would\s+like|need|wanna)\s+(to\s+)?|i'?d\s+like\s+to\s+|let\s+me\s+|is\s+there\s+a\s+way\s+to\s+)?(talk|speak|chat|get\s+in\s+touch)\s+(to|with)\s+{Person}(\s+(please|about\s+this|now|here))*[\s?!.]*$", Options);

    private static Regex EnglishSupport2() => new($@"^{Person}[\s?!.]*$", Options);

    // Not the support plan or contract, which a customer may ask about ("do I need to cancel my support plan too?").
    private static Regex EnglishSupport3() => new(@"^(.{0,20}\s)?(connect\s+me|put\s+me\s+through|get\s+me|contact|i\s+(want|need)|is\s+there|transfer\s+me|escalate)\b.{0,25}\b(support(?![\s-]*(plans?|contracts?|packages?|tiers?|levels?|subscriptions?|agreements?)\b)|human|person|agent|operator|representative|someone|somebody)\b.{0,25}$", Options);

    private static Regex EnglishSupport4() => new(@"\b((talk|speak|chat)\s+(to|with)\s+(support|someone|somebody|a\s+(person|human|real\s+person)|an\s+(agent|operator)|(the\s+)?sales(\s+team)?)|human|real\s+person|operator)\b", Options);

    private static Regex EnglishHelp1() => new(@"^((please|pls|can|could|would|will)\s+)*(you\s+|u\s+)?(please\s+)?(help|hlep|halp|assist)(\s+(me|us|please|pls|with\s+this(\s+step)?|here|out|now))*([\s,.!]+((i'?m|im|i\s+am)\s+)?(so\s+|a\s+bit\s+|totally\s+)?(lost|stuck|confused))?[\s?!.]*$", Options);

    private static Regex EnglishHelp2() => new(@"^help\s+needed[\s!.]*$|^(i\s+)?(need|want|would\s+like)\s+(some\s+|a\s+little\s+|your\s+)?(help|assistance|hand)(\s+(please|with\s+this(\s+step)?|here|now))*[\s?!.]*$", Options);

    private static Regex EnglishHelp3() => new(@"^((i'?m|i\s+am|im)\s+(so\s+)?(lost|stuck|confused)(\s+here)?|confused|lost|stuck|\?+)[\s!.]*$", Options);

    private static Regex EnglishHelp4() => new(@"^(what\s+(do|should|shall|can|must)\s+i\s+do|what\s+(am\s+i\s+(supposed|meant|expected)|do\s+i\s+(need|have))\s+to\s+do|what\s+now|now\s+what|how\s+does\s+this\s+work|what\s+does\s+this\s+mean|i\s+(don'?t|do\s+not)\s+(understand|get\s+it|know)(\s+what\s+to\s+do)?|i\s+dont\s+understand|explain(\s+(please|this))?|i'?m\s+not\s+sure\s+what\s+to\s+do)(\s+(now|here|next))?[\s?!.]*$", Options);

    private static Regex EnglishStatus1() => new(@"^(where\s+(was|am|are|were)\s+(i|we)(\s+(again|now|right\s+now|at))?|(show\s+(me\s+)?(my\s+|the\s+)?)?(status|progress)(\s+(update|report|check))?|where\s+did\s+(i|we)\s+(leave\s+off|stop)|status|progress|my\s+(status|progress)|(what'?s|what\s+is|whats)\s+(left|next|remaining|my\s+status|the\s+status|still\s+to\s+do|left\s+to\s+do)|what\s+(remains|have\s+i\s+done(\s+so\s+far)?)|what\s+did\s+(i|we)\s+(already\s+)?(do|finish|complete)(\s+so\s+far)?|how\s+far\s+(did|have)\s+(i|we)\s+(get|got|gotten|come)(\s+so\s+far)?|(which|what)\s+step(\s+(am\s+i|are\s+we|is\s+this)(\s+(at|on|in))?)?|current\s+(step|status|progress)|(what'?s|what\s+is|whats)\s+(the\s+)?next(\s+step)?|how\s+far(\s+along)?\s+(am\s+i|are\s+we)|how\s+much\s+is\s+left|show(\s+me)?\s+(my\s+)?progress|how\s+many(\s+(servers|services|things|items|resources|of\s+them))?\s+((are|is)\s+)?(there\s+)?(still\s+)?(left|remain(ing)?|still(\s+there)?|to\s+go)(\s+(now|still|to\s+(delete|go)))?)[\s?!.]*$", Options);

    private static Regex EnglishStatus2() => new($@"^((so|and|ok(ay)?|hi|hey|hello|well|um+)[\s,]+)*("
        + $@"(is|has)\s+(it|that|everything|(my|our|the|this)(\s+cloud)?\s+{Account})\s+((been|already|actually|now)\s+)*(closed|deleted|terminated|shut\s+down|gone|done|finished|cancell?ed)"
        + @"|(am\s+i|are\s+we)\s+(all\s+)?(done|finished|set)"
        // "Done?", "is that all?": with the question mark a bare "done" asks, where without it it finishes the step.
        + @"|(all\s+)?(done|finished)(\s+(yet|now|already))?\s*\?|is\s+(that|this|it)\s+(all|everything|it)|(is\s+there\s+)?anything\s+else(\s+(to\s+do|left))?"
        + @"|(is\s+there\s+)?anything\s+else\s+(that\s+)?(i|we)\s+(need|have|must|should)\s+to\s+do|do\s+(i|we)\s+(still\s+)?(need|have)\s+to\s+do\s+anything\s+(else|more)"
        + @"|what\s+happens\s+now|what\s+(do\s+i|should\s+i)\s+expect(\s+now)?"
        + @")(\s+(yet|now|already|then|here))*[\s?!.]*$", Options);

    private static Regex EnglishTermCommitment1() => new(@"\b((we|i)\s+(do\s+|actually\s+|still\s+)?(have|got|signed)|(we|i)'ve\s+(got|signed)|(we'?re|we\s+are|i'?m|i\s+am)\s+(still\s+)?(on|under|in|bound\s+by))\s+(a|an|the|our|one)?\s*((\d+|one|two|three|four|five|multi)[\s-]*(year|yr|month)s?\s+|cloud\s+|annual\s+|yearly\s+|long[\s-]term\s+|fixed[\s-]term\s+)?(term\s+commitment|commitment|contract|term\s+contract)\b|\b(our|my)\s+(cloud\s+)?(contract|term\s+commitment)\s+(runs|ends|lasts|is\s+(valid\s+)?until|expires|goes)\b", Options);

    private static Regex EnglishCheckAgain1() => new(@"^((can|could|would|will)\s+(you|u)\s+)?(please\s+)?((hit|press|click|do\s+a)\s+)?(check|chek|chck|look|re-?\s?check|re-?scan|refresh|reload|update|try)(\s+(it|that|again|now|once\s+more|one\s+more\s+time|the\s+list|list|please|pls|to\s+check))*[\s?!.]*$", Options);

    private static Regex EnglishCheckAgain2() => new(@"^((can|could|would|will)\s+(you|u)\s+)?(please\s+)?(check|chek|look|re-?check|refresh)\s+(it\s+|that\s+)?(again|once\s+more)\b(?![^?]*\?)", Options);

    private static Regex EnglishRemindLater1() => new(@"^(remind\s+me(\s+(later|tomorrow|next\s+week|in\s+a\s+bit|another\s+time))?|(maybe\s+)?later|not\s+(now|right\s+now|today)|pause|save\s+(my\s+)?(place|progress)|(some\s+)?other\s+time|another\s+time)([\s,.!]+(i'?m\s+)?(busy|sorry|thanks))?[\s?!.]*$", Options);

    private static Regex EnglishRemindLater2() => new(@"\b(remind\s+me|later|tomorrow|another\s+(day|time)|next\s+week|be\s+back|come\s+back|get\s+back\s+to\s+you|save\s+(my\s+)?(place|progress)|gotta\s+(go|run)|(have|need)\s+to\s+go)\b", Options);

    // A question about the account's future ("can I reopen it later?", "a refund later?", "can I take it back later?") is not a wish to pause.
    private static Regex EnglishRemindLater2Unless() => new(@"\b(invoice|bill(ed|ing)?|charge[ds]?|cost|pay|price|recover|data|re-?open\w*|re-?activat\w*|refund\w*|undo|take\s+(it|this|that)\s+back|revers\w*|revert\w*)\b", Options);

    private static Regex EnglishBack1() => new(@"^(((no\s+)?wait|oops|hold\s+on|hang\s+on|no)[\s,.!]+)?(((i\s+(want|need)\s+to|i'?d\s+like\s+to|(can|could|may)\s+(i|we|you)|let'?s|let\s+me)\s+)?(go\s*ba?c?k|take\s+(me|us)\s+back|return|step\s+back|back)(\s+(one\s+step|a\s+step|one|to\s+(the\s+)?(previous|last|prior)\s+(step|question|screen)|to\s+the\s+(step|question)\s+before))?(\s+and\s+change\s+my\s+answer)?|(the\s+)?(previous|prior)\s+(step|question|screen)|one\s+step\s+back)[\s?!.]*$", Options);

    /// <summary>A start from the beginning ("start over", "restart"): a closure intent that, mid-flow, goes back to the overview.</summary>
    // One instance for this table and IntentReader's restarts.
    private static Regex? _englishRestart1;
    internal static Regex EnglishRestart1() => _englishRestart1 ??= new(@"^(((no\s+)?wait|oops|hmm+|no)[\s,.!]+)?((i\s+(want|need)\s+to|i'?d\s+like\s+to|(can|could)\s+(i|we)|let'?s|let\s+me)\s+)?((start|begin)\s+(over|again|all\s+over(\s+again)?|from\s+(the\s+)?(beginning|scratch|start|top))|restart(\s+(the\s+)?(whole\s+)?(process|closure|thing|everything))?|go\s+back\s+to\s+the\s+(beginning|start)|from\s+(the\s+)?(very\s+)?(beginning|scratch|start))[\s?!.]*$", Options);
}
