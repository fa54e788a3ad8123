using System.ComponentModel.DataAnnotations;
using ClosureBot.Identity;

namespace ClosureBot.Tests.Identity;

// A half-configured sign-in fails at start-up with the key to fix, instead of a chat page whose Sign in button breaks.
public sealed class CustomerIdentityOptionsTests
{
    [Theory]
    [InlineData("https://id.example.test/", "closurebot", null)]
    [InlineData("http://127.0.0.1:5001/", "closurebot", null)]
    [InlineData(null, null, null)]
    [InlineData("https://id.example.test/", null, "Identity:ClientId")]
    [InlineData("http://id.example.test/", "closurebot", "Identity:Authority")]
    [InlineData("id.example.test", "closurebot", "Identity:Authority")]
    public void Validate_AuthorityAndClient_NamesTheKeyToFix(string? authority, string? clientId, string? expectedKey)
    {
        var options = new CustomerIdentityOptions { Authority = authority, ClientId = clientId };

        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);

        if (expectedKey is null) Assert.Empty(errors);
        else Assert.StartsWith(expectedKey, Assert.Single(errors).ErrorMessage);
    }
}
