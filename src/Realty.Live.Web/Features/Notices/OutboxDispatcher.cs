using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Features.Notices;

/// <summary>
/// Sends what waits in the outbox: the recurring job of every minute, and a run at once after a batch
/// or a "retry now". Each message is claimed before it is sent (status, lease and version in one
/// guarded update), so two runs, on one node or on several, never send the same message together; it
/// is marked Sent only after the gateway accepted it, and a claim lost with its node runs out and is
/// taken up again.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<RealtyDbContext> dbFactory, SmtpEmailSender email, ISmsSender sms, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    public const string Id = "notice-outbox";
    public const int BatchSize = 50;

    /// <summary>A bound on one run, so a run never outlives the next one by much.</summary>
    public const int MaxRounds = 20;

    /// <returns>How many messages were sent.</returns>
    public async Task<int> RunAsync(CancellationToken cancellation = default)
    {
        var sent = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var due = await DueAsync();
            foreach (var id in due)
            {
                cancellation.ThrowIfCancellationRequested();
                if (await ClaimAsync(id) is { } message && await DeliverAsync(message, cancellation))
                {
                    sent++;
                }
            }
            if (due.Count < BatchSize)
            {
                break;
            }
        }
        return sent;
    }

    private async Task<List<int>> DueAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Failed) && m.NextAttemptAt <= now
                        || m.Status == OutboxStatus.Sending && m.LeaseUntil <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync();
    }

    /// <summary>The message, claimed by this run; null when another run got there first.</summary>
    private async Task<OutboxMessage?> ClaimAsync(int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id);
        var now = clock.GetUtcNow().UtcDateTime;
        if (message is null || !message.IsDue(now))
        {
            return null;
        }
        message.Claim(now);
        try
        {
            await db.SaveChangesAsync();
            return message;
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
    }

    private async Task<bool> DeliverAsync(OutboxMessage message, CancellationToken cancellation)
    {
        string? error = null;
        var permanent = false;
        try
        {
            if (message.Channel == NoticeChannel.Email)
            {
                await email.SendAsync(message.Recipient, message.Subject ?? "", message.Body, $"notice-{message.Id}", cancellation);
            }
            else
            {
                await sms.SendAsync(new SmsMessage(message.Recipient, message.Body, $"notice-{message.Id}"), cancellation);
            }
        }
        catch (DeliveryFailedException e)
        {
            (error, permanent) = (e.Message, e.Permanent);
        }
        catch (Exception e) when (!cancellation.IsCancellationRequested)
        {
            // Whatever a gateway throws (refused connection, timeout, protocol error) is one failed
            // attempt of this message, recorded on it; the next message still gets its turn.
            error = $"{e.GetType().Name}: {e.Message}";
        }
        await RecordAsync(message, error, permanent);
        if (error is not null)
        {
            logger.LogWarning("Notice {Id} to {Channel} failed (attempt {Attempt}): {Error}", message.Id, message.Channel, message.Attempts, error);
        }
        return error is null;
    }

    /// <summary>
    /// Writes the outcome. A success is always recorded, even if the row changed meanwhile (a manager's
    /// retry, a lease taken over): the gateway has the message, and saying otherwise would send it again.
    /// A failure is recorded only while the claim is still this run's.
    /// </summary>
    private async Task RecordAsync(OutboxMessage claimed, string? error, bool permanent)
    {
        var claimedVersion = claimed.Version;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var message = await db.OutboxMessages.SingleAsync(m => m.Id == claimed.Id);
            var now = clock.GetUtcNow().UtcDateTime;
            if (error is null)
            {
                if (message.Status == OutboxStatus.Sent)
                {
                    return;
                }
                message.Delivered(now);
            }
            else
            {
                if (message.Version != claimedVersion)
                {
                    return;
                }
                message.Failed(error, now, permanent);
            }
            try
            {
                await db.SaveChangesAsync();
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Read it again and decide afresh.
            }
        }
    }
}
