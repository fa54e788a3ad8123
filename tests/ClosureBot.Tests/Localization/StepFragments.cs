namespace ClosureBot.Tests.Localization;

/// <summary>How each language names step 2 in the status answer and on step 2's card ("tape": l'étape, Étape).</summary>
public static class StepFragments
{
    public static readonly IReadOnlyDictionary<string, string> StepTwo = new Dictionary<string, string>
    {
        ["en-US"] = "Step 2 of 5",
        ["de-DE"] = "Schritt 2 von 5",
        ["es-ES"] = "Paso 2 de 5",
        ["fr-FR"] = "tape 2 sur 5",
        ["pt-BR"] = "Etapa 2 de 5",
    };
}
