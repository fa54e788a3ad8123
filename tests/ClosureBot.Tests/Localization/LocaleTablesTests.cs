using System.Text.Json.Nodes;
using ClosureBot.Localization;

namespace ClosureBot.Tests.Localization;

public sealed class LocaleTablesTests
{
    // Values a translation may share with English: the same word in that language, a format, a product name.
    private static readonly HashSet<string> SameAsEnglish =
    [
        "*:UtcSuffix", "*:OpeningAt", "fr:DateFormat", "fr:FactDateFormat", "es:No", "es:cards.common.no",
        "es:Virtual", "pt:Virtual", "es:BareMetal", "fr:BareMetal", "pt:BareMetal",
        // The portal's product name; "min" and "h" are the units' symbols; "Bot", "Support", "Agent", "Status", "System"
        // and "No" are the words those languages use.
        "*:pages.chat.product", "*:pages.console.whoBot", "es:pages.console.minutes", "fr:pages.console.minutes", "pt:pages.console.minutes",
        "es:pages.console.hoursMinutes", "fr:pages.console.hoursMinutes", "pt:pages.console.hoursMinutes", "es:pages.console.no",
        "fr:pages.console.queueSupport", "de:pages.console.queueSupport", "fr:pages.console.whoAgent", "de:pages.console.status",
        "de:pages.console.whoSystem",
    ];

    private static string TableFile(string name) =>
        File.ReadAllText(Path.Combine(Cards.RepoPaths.Root, "src", "ClosureBot", "Localization", "Tables", name));

    [Fact]
    public void Load_ShippedTables_SpeakFiveLanguagesWithEveryText()
    {
        var locales = Locales.Load();

        Assert.Equal(["en", "es", "fr", "de", "pt"], locales.All.Select(t => t.Language));
        foreach (var table in locales.All)
            foreach (var id in Enum.GetValues<TextId>())
                Assert.False(string.IsNullOrWhiteSpace(table[id]), $"{table.Language} has an empty {id}");
    }

    [Fact]
    public void Load_TableMissingAText_FailsNamingTheTableAndTheText()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Locales.Load(name =>
        {
            var json = TableFile(name);
            if (name != "de.texts.json") return json;
            var table = JsonNode.Parse(json)!.AsObject();
            table.Remove("AskAlias");
            return table.ToJsonString();
        }));

        Assert.Contains("de.texts.json", ex.Message);
        Assert.Contains("AskAlias", ex.Message);
    }

    [Theory]
    [InlineData("MonthNames", "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November")]
    [InlineData("DayNames", "Sonntag|Montag||Mittwoch|Donnerstag|Freitag|Samstag")]
    public void Load_WrongNumberOfMonthOrDayNames_FailsNamingTheText(string id, string names)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Locales.Load(name =>
        {
            var json = TableFile(name);
            if (name != "de.texts.json") return json;
            var table = JsonNode.Parse(json)!.AsObject();
            table[id] = names;
            return table.ToJsonString();
        }));

        Assert.Contains("de.texts.json", ex.Message);
        Assert.Contains(id, ex.Message);
    }

    // The app runs without ICU: the names in these dates come from the tables, not from the runtime's culture data.
    [Theory]
    [InlineData("en", "Thursday 3 December, 14:05", "3 December 2026")]
    [InlineData("es", "jueves 3 de diciembre, 14:05", "3 de diciembre de 2026")]
    [InlineData("fr", "jeudi 3 décembre à 14:05", "3 décembre 2026")]
    [InlineData("de", "Donnerstag, 3. Dezember, 14:05", "3. Dezember 2026")]
    [InlineData("pt", "quinta-feira, 3 de dezembro, 14:05", "3 de dezembro de 2026")]
    public void Dates_InEachLanguage_NameTheMonthAndTheDayInIt(string language, string opening, string date)
    {
        var table = Locales.Load().For(language);

        Assert.Equal(opening, new DateTime(2026, 12, 3, 14, 5, 0).ToString(table[TextId.OpeningFormat], table.Culture));
        Assert.Equal(date, table.Date(new DateOnly(2026, 12, 3)));
    }

    [Fact]
    public void Dates_GermanMarch_KeepsItsUmlaut() =>
        Assert.Equal("März", Locales.Load().For("de").Date(new DateOnly(2027, 3, 1)).Split(' ')[1]);

    [Fact]
    public void Load_TranslationThatLostAPlaceholder_FailsNamingTheText()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Locales.Load(name =>
        {
            var json = TableFile(name);
            if (name != "fr.texts.json") return json;
            var table = JsonNode.Parse(json)!.AsObject();
            table["NoSuchAlias"] = "Je n'ai trouvé aucun compte avec cet alias.";
            return table.ToJsonString();
        }));

        Assert.Contains("fr.texts.json", ex.Message);
        Assert.Contains("NoSuchAlias", ex.Message);
    }

    [Fact]
    public void Load_CardStringMissingInALanguage_FailsNamingIt()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Locales.Load(name =>
        {
            var json = TableFile(name);
            if (name != "pt.cards.json") return json;
            var table = JsonNode.Parse(json)!.AsObject();
            table["step2"]!.AsObject().Remove("checked");
            return table.ToJsonString();
        }));

        Assert.Contains("pt.cards.json", ex.Message);
        Assert.Contains("step2.checked", ex.Message);
    }

    [Theory]
    [InlineData("es.pages.json", "chat", "guest", null, "chat.guest")]
    [InlineData("de.pages.json", "console", "signedInAs", "Angemeldet", "console.signedInAs")]
    [InlineData("fr.pages.json", "signIn", "extra", "Texte en trop", "signIn.extra")]
    public void Load_PageTableMissingATextOrAPlaceholder_FailsNamingTheTableAndTheText(string file, string group, string key, string? text, string named)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Locales.Load(name =>
        {
            var json = TableFile(name);
            if (name != file) return json;
            var table = JsonNode.Parse(json)!.AsObject();
            if (text is null) table[group]!.AsObject().Remove(key);
            else table[group]![key] = text;
            return table.ToJsonString();
        }));

        Assert.Contains(file, ex.Message);
        Assert.Contains(named, ex.Message);
    }

    [Fact]
    public void Load_ShippedPageTables_EveryLanguageHasEveryPageText()
    {
        var locales = Locales.Load();

        Assert.True(locales.English.Pages.Count > 100);
        foreach (var table in locales.All)
        {
            Assert.Equal(locales.English.Pages.Keys.Order(), table.Pages.Keys.Order());
            Assert.All(table.Pages, p => Assert.False(string.IsNullOrWhiteSpace(p.Value), $"{table.Language}: {p.Key} is empty"));
        }
    }

    [Fact]
    public void Tables_EveryTranslation_DiffersFromEnglishUnlessAllowed()
    {
        var locales = Locales.Load();
        var english = locales.English;
        var leaks = new List<string>();
        foreach (var table in locales.All.Skip(1))
        {
            foreach (var id in Enum.GetValues<TextId>())
                if (table[id] == english[id] && !Allowed(table.Language, id.ToString())) leaks.Add($"{table.Language}:{id} = \"{table[id]}\"");
            foreach (var (key, value) in table.Pages)
                if (english.Pages[key] == value && !Allowed(table.Language, "pages." + key)) leaks.Add($"{table.Language}:pages.{key} = \"{value}\"");
            foreach (var (key, value) in CardStrings(table.Cards, "cards."))
                if (CardStrings(english.Cards, "cards.").Single(e => e.Key == key).Value == value && !Allowed(table.Language, key))
                    leaks.Add($"{table.Language}:{key} = \"{value}\"");
        }

        Assert.True(leaks.Count == 0, "English left in a translation:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public void SameAsEnglish_EveryAllowedEntry_IsReallyTheSame()
    {
        var locales = Locales.Load();
        var english = locales.English;
        foreach (var entry in SameAsEnglish.Where(e => !e.StartsWith('*')))
        {
            var (language, key) = (entry[..2], entry[3..]);
            var table = locales.All.Single(t => t.Language == language);
            var (mine, theirs) = key.StartsWith("pages.", StringComparison.Ordinal) ? (table.Page(key[6..]), english.Page(key[6..]))
                : key.StartsWith("cards.", StringComparison.Ordinal)
                ? (CardStrings(table.Cards, "cards.").Single(c => c.Key == key).Value, CardStrings(english.Cards, "cards.").Single(c => c.Key == key).Value)
                : (table[Enum.Parse<TextId>(key)], english[Enum.Parse<TextId>(key)]);
            Assert.True(mine == theirs, $"{entry} is allowed to equal English but differs: drop it from the list");
        }
    }

    [Theory]
    [InlineData("es-MX", "es")]
    [InlineData("pt-BR", "pt")]
    [InlineData("pt_PT", "pt")]
    [InlineData("de", "de")]
    [InlineData("FR-ca", "fr")]
    [InlineData("en-US", "en")]
    [InlineData("ja-JP", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    public void For_Locale_PicksItsLanguageOrEnglish(string? locale, string language)
    {
        Assert.Equal(language, Locales.Load().For(locale).Language);
    }

    [Theory]
    [InlineData("en", 1, "1 server remains and keeps incurring")]
    [InlineData("en", 2, "2 servers remain and keep incurring")]
    [InlineData("de", 1, "1 Server ist noch vorhanden und verursacht")]
    [InlineData("de", 3, "3 Server sind noch vorhanden und verursachen")]
    [InlineData("es", 1, "Queda 1 servidor, que sigue")]
    [InlineData("es", 2, "Quedan 2 servidores, que siguen")]
    [InlineData("fr", 1, "1 serveur reste et continue")]
    [InlineData("fr", 2, "2 serveurs restent et continuent")]
    [InlineData("pt", 1, "Resta 1 servidor, que continua")]
    [InlineData("pt", 2, "Restam 2 servidores, que continuam")]
    public void Plural_Count_UsesTheLanguagesForm(string language, int count, string expected)
    {
        var table = Locales.Load().All.Single(t => t.Language == language);

        Assert.StartsWith(expected, table.Plural(TextId.ServersRemain, count));
    }

    private static bool Allowed(string language, string key) =>
        SameAsEnglish.Contains($"{language}:{key}") || SameAsEnglish.Contains($"*:{key}");

    private static IEnumerable<KeyValuePair<string, string>> CardStrings(JsonObject node, string path)
    {
        foreach (var (key, value) in node)
        {
            if (value is JsonObject group)
                foreach (var inner in CardStrings(group, $"{path}{key}.")) yield return inner;
            else
                yield return new($"{path}{key}", (string)value!);
        }
    }
}
