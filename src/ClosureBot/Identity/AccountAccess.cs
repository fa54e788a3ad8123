using Microsoft.Extensions.Options;

namespace ClosureBot.Identity;

/// <summary>Who may see an account's resources and request its closure: the one place that decides it.</summary>
public sealed class AccountAccess(IOptions<CustomerIdentityOptions> options, IHostEnvironment environment)
{
    /// <summary>See <see cref="CustomerIdentityOptions.RequireVerified"/>.</summary>
    public bool RequireVerified { get; } = options.Value.RequireVerified ?? !environment.IsDevelopment();

    /// <summary>Whether the web chat offers a sign-in.</summary>
    public bool SignInEnabled { get; } = options.Value.SignInEnabled;

    /// <summary>What <paramref name="customer"/> (null: nothing proven) may do with account <paramref name="alias"/>.</summary>
    public AccountAccessDecision Decide(VerifiedCustomer? customer, string alias) => customer switch
    {
        not null => customer.MayActFor(alias) ? AccountAccessDecision.Verified : AccountAccessDecision.NotTheirs,
        null when RequireVerified => AccountAccessDecision.SignInRequired,
        _ => AccountAccessDecision.Unverified,
    };
}

/// <summary>The answer of <see cref="AccountAccess.Decide"/>.</summary>
public enum AccountAccessDecision
{
    /// <summary>A verified person who may administer the account.</summary>
    Verified,
    /// <summary>Nobody was verified, and the deployment allows that (Development): allowed, recorded as not verified.</summary>
    Unverified,
    /// <summary>Nobody was verified and the deployment requires it: ask the customer to sign in.</summary>
    SignInRequired,
    /// <summary>A verified person whose claim does not list the account.</summary>
    NotTheirs,
}
