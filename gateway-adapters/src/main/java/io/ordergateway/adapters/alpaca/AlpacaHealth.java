package io.ordergateway.adapters.alpaca;

import io.ordergateway.core.broker.BrokerHealth;

/**
 * The adapter's health as the gateway reads it, from what its parts say: DOWN once closed, while
 * the {@code trade_updates} stream is not listening, and until the catch-up after each (re)connect
 * is done; DEGRADED while some POST's outcome is unknown; HEALTHY otherwise.
 *
 * <p>Written on the adapter's loop thread only; {@link #current()} and {@link #isClosed()} may be
 * read from any thread.
 */
final class AlpacaHealth
{
    private volatile BrokerHealth health = BrokerHealth.DOWN;
    private volatile boolean closed;
    private boolean streamListening;
    private boolean caughtUp;
    private int unresolved;

    /**
     * @return the health now.
     */
    BrokerHealth current()
    {
        return health;
    }

    /**
     * @return whether the adapter was disconnected: its parts then start nothing new.
     */
    boolean isClosed()
    {
        return closed;
    }

    /**
     * The adapter is disconnected, for good.
     */
    void close()
    {
        closed = true;
        health = BrokerHealth.DOWN;
    }

    /**
     * @return whether the stream is authenticated and listening.
     */
    boolean isStreamListening()
    {
        return streamListening;
    }

    /**
     * The stream listens. The health does not change yet: the catch-up decides when it is HEALTHY.
     */
    void streamListening()
    {
        streamListening = true;
    }

    /**
     * The stream is down: DOWN until it listens again and the catch-up after it is done.
     */
    void streamDown()
    {
        streamListening = false;
        caughtUp = false;
        update();
    }

    /**
     * Everything that happened while the stream was down is reported.
     */
    void caughtUp()
    {
        caughtUp = true;
        update();
    }

    /**
     * One more POST whose outcome is unknown.
     */
    void outcomeUnknown()
    {
        unresolved++;
        update();
    }

    /**
     * A POST whose outcome was unknown is settled.
     */
    void outcomeSettled()
    {
        unresolved--;
        update();
    }

    private void update()
    {
        health = closed || !streamListening || !caughtUp ? BrokerHealth.DOWN : unresolved > 0 ? BrokerHealth.DEGRADED
            : BrokerHealth.HEALTHY;
    }
}
