using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Appeals.Core.Imports;

/// <summary>
/// Runs a producer on another thread, a few items ahead of the consumer: the reader parses the next
/// transaction while the current one is written, so the two cores work at once. The bound keeps
/// memory flat (at most <c>capacity</c> transactions wait).
/// </summary>
internal static class ReadAhead
{
    public static async IAsyncEnumerable<T> Run<T>(Func<IEnumerable<T>> produce, int capacity, [EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var item in produce()) await channel.Writer.WriteAsync(item, stop.Token);
                channel.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                channel.Writer.TryComplete(ex);
            }
        }, CancellationToken.None);
        try
        {
            while (await WaitAsync(channel.Reader, ct))
                while (channel.Reader.TryRead(out var item)) yield return item;
        }
        finally
        {
            // The consumer stopped (done, failed or cancelled): stop the producer before its input is disposed.
            await stop.CancelAsync();
            await producer;
        }
    }

    private static async ValueTask<bool> WaitAsync<T>(ChannelReader<T> reader, CancellationToken ct)
    {
        try
        {
            return await reader.WaitToReadAsync(ct);
        }
        catch (ChannelClosedException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}
