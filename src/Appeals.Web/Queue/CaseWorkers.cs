using Appeals.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Queue;

/// <summary>
/// Whom a case can go to (the manager's Assign list): the user names of everyone who works cases, specialists and managers, in
/// order. Every manager's queue view showed the same list, and reading it was a sixth of the queue page's CPU (a three-table
/// join through LINQ), so it is read once per <see cref="Lifetime"/> per process; this process's Admin page forgets it when it adds
/// a user, and a user added elsewhere (another node) shows within the lifetime. A stale list cannot give a case to the wrong
/// person: the assignment checks the assignee's roles itself.
/// </summary>
public sealed class CaseWorkers(TimeProvider clock)
{
    /// <summary>How long the list is kept before it is read again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private sealed record Kept(IReadOnlyList<string> Names, DateTimeOffset ReadAt);

    // One reference, swapped whole: a request reads either the old list or the new one, never half of each.
    private volatile Kept? _kept;

    /// <summary>The list, read again when older than <see cref="Lifetime"/> or forgotten.</summary>
    public async Task<IReadOnlyList<string>> GetAsync(AppealsIdentityDbContext identity, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_kept is { } kept && now - kept.ReadAt < Lifetime && now >= kept.ReadAt) return kept.Names;
        var names = await ReadAsync(identity, ct);
        _kept = new Kept(names, now);
        return names;
    }

    /// <summary>Drops the kept list: the next queue view reads it again (a user was added).</summary>
    public void Forget() => _kept = null;

    /// <summary>The user names of everyone who works cases (specialists and managers), in order, from the database.</summary>
    internal static async Task<IReadOnlyList<string>> ReadAsync(AppealsIdentityDbContext identity, CancellationToken ct)
    {
        string[] roles = [AppealsRoles.Specialist, AppealsRoles.Manager];
        var names = await (from ur in identity.UserRoles
                           join r in identity.Roles on ur.RoleId equals r.Id
                           join u in identity.Users on ur.UserId equals u.Id
                           where roles.Contains(r.Name!)
                           select u.UserName!).Distinct().ToListAsync(ct);
        return [.. names.Order()];
    }
}
