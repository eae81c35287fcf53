using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Support;

/// <summary>A board's listener that keeps what it was told; boards are told off the publisher's thread.</summary>
public sealed class Heard
{
    private readonly Lock _gate = new();
    private readonly List<BoardMessage> _messages = [];

    public IReadOnlyList<BoardMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public void Add(IReadOnlyList<BoardMessage> batch)
    {
        lock (_gate)
        {
            _messages.AddRange(batch);
        }
    }

    /// <summary>Waits until <paramref name="count"/> messages have arrived; fails after 5 s.</summary>
    public async Task<IReadOnlyList<BoardMessage>> WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Messages.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Heard {Messages.Count} of {count} messages in 5 s.");
            await Task.Delay(10);
        }
        return Messages;
    }
}
