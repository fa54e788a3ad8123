using System.Text.Json.Nodes;

namespace ClosureBot.Tests.Cards;

// One template bound to one data set, as sent to card-check.js.
public sealed record CardCheckCase(string Name, string TemplateName, JsonNode Data, string Language = "en");
