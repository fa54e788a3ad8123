using System.Text.Json;
using System.Text.Json.Serialization;
using ClosureBot.Dialogs.Waterfall;

namespace ClosureBot.Offboarding;

/// <summary>
/// Source-generated JSON for the waterfalls' states, with the protocol's options (camelCase, nulls left out): each
/// turn's commit writes the states of the dialogs on the stack with generated code instead of reflection
/// (<see cref="ClosureBot.Dialogs.DialogStateJson"/>). The JSON is the same either way.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WaterfallDialog<OffboardingState>.Position), TypeInfoPropertyName = "OffboardingPosition")]
[JsonSerializable(typeof(WaterfallDialog<ResumeDialog.ResumeState>.Position), TypeInfoPropertyName = "ResumePosition")]
[JsonSerializable(typeof(WaterfallDialog<CancelDialog.CancelState>.Position), TypeInfoPropertyName = "CancelPosition")]
internal sealed partial class OffboardingStateJson : JsonSerializerContext;
