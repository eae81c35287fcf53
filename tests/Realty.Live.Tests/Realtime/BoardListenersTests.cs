using System.Globalization;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Realtime;

public sealed class BoardListenersTests : IDisposable
{
    private const int Project = 7;

    private readonly BoardListeners _listeners = new();

    public void Dispose() => _listeners.Dispose();

    [Fact]
    public async Task APublisherNeverWaitsForABoardThatIsStillRedrawing()
    {
        var redrawing = new ManualResetEventSlim();
        using var _ = _listeners.Add(Project, _ => redrawing.Wait(TimeSpan.FromSeconds(5)));

        var posting = Task.Run(() => _listeners.Post(Message(1)));

        Assert.Same(posting, await Task.WhenAny(posting, Task.Delay(TimeSpan.FromSeconds(2))));
        redrawing.Set();
    }

    [Fact]
    public async Task WhatArrivesWhileABoardRedrawsReachesItInOrderInOneBatch()
    {
        var batches = new List<IReadOnlyList<BoardMessage>>();
        var firstArrived = new TaskCompletionSource();
        var redrawing = new ManualResetEventSlim();
        using var _ = _listeners.Add(Project, batch =>
        {
            lock (batches)
            {
                batches.Add(batch);
            }
            firstArrived.TrySetResult();
            redrawing.Wait(TimeSpan.FromSeconds(5));
        });

        _listeners.Post(Message(1));
        await firstArrived.Task.WaitAsync(TimeSpan.FromSeconds(5));
        _listeners.Post(Message(2));
        _listeners.Post(Message(3));
        _listeners.Post(Message(4));
        redrawing.Set();

        await Until(() =>
        {
            lock (batches)
            {
                return batches.Sum(b => b.Count) == 4;
            }
        });
        Assert.Equal([[1], [2, 3, 4]], batches.Select(b => b.Select(m => ((DisplayRevoked)m).Token.Length).ToArray()));
    }

    [Fact]
    public async Task ABoardIsToldInTheLanguageItSubscribedInWhoeverPublishes()
    {
        var cultures = new List<string>();
        IDisposable subscription;
        using (CultureScope.Of("en"))
        {
            subscription = _listeners.Add(Project, _ =>
            {
                lock (cultures)
                {
                    cultures.Add(CultureInfo.CurrentUICulture.Name);
                }
            });
        }

        using (CultureScope.Of("zh-CN"))
        {
            _listeners.Post(Message(1));
        }

        await Until(() => cultures.Count == 1);
        Assert.Equal(["en"], cultures);
        subscription.Dispose();
    }

    [Fact]
    public async Task OneBoardThatFailsDoesNotStopTheOthers()
    {
        var heard = 0;
        using var failing = _listeners.Add(Project, _ => throw new InvalidOperationException("circuit gone"));
        using var working = _listeners.Add(Project, _ => Interlocked.Increment(ref heard));

        _listeners.Post(Message(1));
        _listeners.Post(Message(2));

        await Until(() => Volatile.Read(ref heard) >= 1);
        Assert.Equal(2, _listeners.Count(Project));
    }

    // The token's length tells the messages apart, so the test reads as numbers.
    private static DisplayRevoked Message(int number) => new(Project, new string('x', number));

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Not within 5 s.");
            await Task.Delay(10);
        }
    }
}
