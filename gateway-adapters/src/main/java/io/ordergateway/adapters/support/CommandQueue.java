package io.ordergateway.adapters.support;

import io.ordergateway.core.broker.OrderCommand;

import io.ordergateway.core.domain.CommandKind;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Commands on their way from the gateway's send stage to an adapter's own thread: an off-heap
 * one-to-one queue, so {@code send*} never block and allocate nothing. A command that finds the
 * queue full is not lost: it is remembered and handed back to the adapter's thread as refused, to
 * be reported to the gateway as a reject (SERVICE_UNAVAILABLE).
 */
public final class CommandQueue
{
    /**
     * Receives a command the queue had no room for.
     */
    @FunctionalInterface
    public interface RefusalHandler
    {
        /**
         * @param orderId the order.
         * @param command what was asked.
         */
        void onRefused(long orderId, CommandKind command);
    }

    private final OneToOneRingBuffer queue;
    private final ConcurrentLinkedQueue<long[]> refused = new ConcurrentLinkedQueue<>();
    /** Where {@link #offer(OrderCommand)} writes a command: the producer's (send stage's) only. */
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[QueuedCommand.LENGTH]);

    /**
     * @param capacityBytes queue size, a power of two.
     */
    public CommandQueue(final int capacityBytes)
    {
        queue = new OneToOneRingBuffer(new
            UnsafeBuffer(ByteBuffer.allocateDirect(capacityBytes + RingBufferDescriptor.TRAILER_LENGTH)));
    }

    /**
     * Adds a command (send stage's thread).
     *
     * @param msgType the adapter's own message type.
     * @param message the encoded command.
     * @param length  its length.
     * @param orderId the order, for the refusal if the queue is full.
     * @param command the command kind, likewise.
     * @return true if queued; false if refused (the adapter's thread will hear of it).
     */
    public boolean offer(final int msgType, final DirectBuffer message, final int length, final long orderId,
        final CommandKind command)
    {
        if (queue.write(msgType, message, 0, length))
        {
            return true;
        }
        refused.add(new long[] {orderId, command.code()}); // only when full: rare, allocation accepted
        return false;
    }

    /**
     * Adds an order command (send stage's thread), as a {@link QueuedCommand} whose message type is its kind's code
     * ({@link CommandKind#code()}: new 1, cancel 2, replace 3).
     *
     * @param command the command, valid during the call.
     * @return true if queued; false if refused (the adapter's thread will hear of it).
     */
    public boolean offer(final OrderCommand command)
    {
        QueuedCommand.write(command, scratch);
        return offer(command.command().code(), scratch, QueuedCommand.LENGTH, command.orderId(), command.command());
    }

    /**
     * Adds a command with no order behind it (e.g. a price change for a simulator).
     *
     * @param msgType the adapter's message type.
     * @param message the encoded command.
     * @param length  its length.
     * @return false if the queue is full.
     */
    public boolean offer(final int msgType, final DirectBuffer message, final int length)
    {
        return queue.write(msgType, message, 0, length);
    }

    /**
     * Works through queued and refused commands (the adapter's thread).
     *
     * @param handler   receives queued commands.
     * @param onRefused receives refused ones.
     * @param limit     the most commands to take, queued and refused together (each makes a report: an adapter on
     *                  a shared agent thread keeps it within the ring's room, see {@code BrokerEventSink#room}).
     * @return how many commands were handled.
     */
    public int drain(final MessageHandler handler, final RefusalHandler onRefused, final int limit)
    {
        int work = queue.read(handler, limit);
        long[] r;
        while (work < limit && (r = refused.poll()) != null)
        {
            onRefused.onRefused(r[0], CommandKind.fromCode((int)r[1]));
            work++;
        }
        return work;
    }
}
