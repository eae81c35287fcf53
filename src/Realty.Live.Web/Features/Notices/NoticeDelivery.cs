using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Realty.Live.Web.Features.Board;

namespace Realty.Live.Web.Features.Notices;

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>The <c>Smtp</c> section: the mail server that takes the notices' email.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>The sender, e.g. <c>滨江花园 &lt;notice@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>The <c>Sms</c> section: with a webhook URL, text messages are posted there; without, only logged.</summary>
public sealed class SmsOptions
{
    public string? WebhookUrl { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>A gateway did not take a message. <paramref name="permanent"/>: it never will (an unknown mailbox), so retrying is pointless.</summary>
public sealed class DeliveryFailedException(string message, bool permanent = false, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}

/// <summary>Plain-text email over SMTP. Returning means the server accepted the message (250 after DATA).</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options)
{
    public async Task SendAsync(string to, string subject, string body, string messageId, CancellationToken cancellation)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Host) || string.IsNullOrWhiteSpace(settings.From))
        {
            throw new DeliveryFailedException("SMTP is not configured: set Smtp:Host and Smtp:From.");
        }
        var message = new MimeMessage();
        try
        {
            message.From.Add(MailboxAddress.Parse(settings.From));
            message.To.Add(MailboxAddress.Parse(to));
        }
        catch (ParseException e)
        {
            throw new DeliveryFailedException($"Not an email address: {e.Message}", permanent: true, e);
        }
        message.Subject = subject;
        message.MessageId = $"{messageId}@{((MailboxAddress)message.From[0]).Domain}";
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, Security(settings.Security), cancellation);
            if (!string.IsNullOrEmpty(settings.User))
            {
                await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellation);
            }
            await client.SendAsync(message, cancellation);
        }
        catch (SmtpCommandException e) when (e.ErrorCode is SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
        {
            throw new DeliveryFailedException($"The mail server refused the recipient: {(int)e.StatusCode} {e.Message}", permanent: true, e);
        }
        try
        {
            await client.DisconnectAsync(quit: true, cancellation);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or OperationCanceledException)
        {
            // The server has accepted the message already; a goodbye that goes wrong does not undo that.
        }
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}

/// <summary>A text message for a gateway; <see cref="MessageId"/> stays the same across retries, for the gateway to drop duplicates.</summary>
public sealed record SmsMessage(string To, string Body, string MessageId);

/// <summary>Hands text messages to a gateway. Returning means the gateway accepted the message.</summary>
public interface ISmsSender
{
    Task SendAsync(SmsMessage message, CancellationToken cancellation);
}

/// <summary>The default until a gateway is configured: writes the message to the log and counts it as sent.</summary>
public sealed class LogOnlySmsSender(ILogger<LogOnlySmsSender> logger) : ISmsSender
{
    public Task SendAsync(SmsMessage message, CancellationToken cancellation)
    {
        logger.LogInformation("SMS {MessageId} to {To} (not sent: no Sms:WebhookUrl configured): {Body}", message.MessageId, UnitService.MaskPhone(message.To), message.Body);
        return Task.CompletedTask;
    }
}

/// <summary>Posts <c>{to, body, messageId}</c> as JSON to the gateway's URL; any answer but 2xx is a failure.</summary>
public sealed class WebhookSmsSender(IHttpClientFactory httpFactory, IOptions<SmsOptions> options) : ISmsSender
{
    public const string ClientName = "sms-webhook";

    public async Task SendAsync(SmsMessage message, CancellationToken cancellation)
    {
        var settings = options.Value;
        var http = httpFactory.CreateClient(ClientName);
        http.Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        using var response = await http.PostAsJsonAsync(settings.WebhookUrl, new { to = message.To, body = message.Body, messageId = message.MessageId }, cancellation);
        if (!response.IsSuccessStatusCode)
        {
            throw new DeliveryFailedException($"The SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
    }
}
