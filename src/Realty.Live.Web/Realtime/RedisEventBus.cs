using System.Text.Json;
using StackExchange.Redis;

namespace Realty.Live.Web.Realtime;

/// <summary>
/// The event bus of a cluster: Redis pub/sub between nodes. A message is handled on its own node
/// first, so a commit shows on the local boards even while Redis is unreachable; other nodes then
/// catch up from the database. One channel, read in order, keeps a unit's changes in sequence.
/// </summary>
public sealed class RedisEventBus : IEventBus, IDisposable
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("realty:board");

    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisEventBus> _logger;
    private readonly BusHandlers _handlers;
    private readonly ChannelMessageQueue _queue;

    // Tells this node's own messages apart when Redis hands them back.
    private readonly string _node = Guid.NewGuid().ToString("N");

    public RedisEventBus(IConnectionMultiplexer redis, ILogger<RedisEventBus> logger)
    {
        (_redis, _logger) = (redis, logger);
        _handlers = new BusHandlers(logger);
        _queue = redis.GetSubscriber().Subscribe(Channel);
        _queue.OnMessage(ReceiveAsync);
    }

    public async Task PublishAsync(BoardMessage message)
    {
        await _handlers.DeliverAsync(message);
        try
        {
            // Fire and forget: a commit never waits for Redis. While it is unreachable the client
            // queues the message; other nodes that miss it catch up from the database.
            _redis.GetSubscriber().Publish(Channel, JsonSerializer.Serialize(new Envelope(_node, message)), CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            _logger.LogWarning(ex, "Redis did not take {Message}; other nodes will catch up from the database", message);
        }
    }

    public IDisposable Subscribe(Func<BoardMessage, Task> handler) => _handlers.Add(handler);

    public void Dispose() => _queue.Unsubscribe();

    private async Task ReceiveAsync(ChannelMessage received)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(received.Message.ToString());
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "Ignored an unreadable message on {Channel}", Channel);
            return;
        }
        if (envelope is not null && envelope.Node != _node)
        {
            await _handlers.DeliverAsync(envelope.Message);
        }
    }

    private sealed record Envelope(string Node, BoardMessage Message);
}
