package io.ordergateway.core.broker;

import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.SymbolTable;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.util.concurrent.ThreadFactory;

/**
 * What the gateway gives an adapter when it opens it.
 *
 * @param brokerId       the adapter's index in the gateway, as journaled.
 * @param sink           where the adapter reports everything the broker says.
 * @param symbols        the gateway's symbols (ids in commands refer to these).
 * @param clientOrderIds how to turn order ids into the client order ids the broker sees, and back.
 * @param clock          the gateway's event clock: an adapter that keeps time (a simulator's latency, a retry's
 *                       back-off) reads this one, so a test with a manual clock controls it too.
 * @param threads        makes any thread the adapter runs for its I/O (a Netty event loop), so the gateway names and
 *                       lists it with its own; the adapter stops it in {@link BrokerAdapter#disconnect()}.
 * @param stateDirectory where the adapter may keep durable state of its own across restarts (a FIX session's
 *                       sequence numbers and sent messages): {@code brokers/NAME} in the journal's directory, made
 *                       by the adapter when it needs it; null when used without a gateway.
 */
public record BrokerContext(int brokerId, BrokerEventSink sink, SymbolTable symbols, ClientOrderIds clientOrderIds,
    EpochNanoClock clock, ThreadFactory threads, java.nio.file.Path stateDirectory)
{
    /**
     * A context without a state directory.
     *
     * @param brokerId       the adapter's index.
     * @param sink           where it reports.
     * @param symbols        the symbols.
     * @param clientOrderIds the client order ids.
     * @param clock          the event clock.
     * @param threads        the thread factory.
     */
    public BrokerContext(final int brokerId, final BrokerEventSink sink, final SymbolTable symbols,
        final ClientOrderIds clientOrderIds, final EpochNanoClock clock, final ThreadFactory threads)
    {
        this(brokerId, sink, symbols, clientOrderIds, clock, threads, null);
    }

    /**
     * For an adapter used without a gateway (a simulator's engine, a benchmark's baseline): system
     * time, and daemon threads named {@code broker-ID}.
     *
     * @param brokerId       the adapter's index.
     * @param sink           where it reports.
     * @param symbols        the symbols.
     * @param clientOrderIds the client order ids.
     * @return the context.
     */
    public static BrokerContext standalone(final int brokerId, final BrokerEventSink sink, final SymbolTable symbols,
        final ClientOrderIds clientOrderIds)
    {
        return new BrokerContext(brokerId, sink, symbols, clientOrderIds, new SystemEpochNanoClock(), runnable ->
        {
            final Thread thread = new Thread(runnable, "broker-" + brokerId);
            thread.setDaemon(true);
            return thread;
        });
    }
}
