package io.ordergateway.adapters.alpaca;

import io.netty.channel.EventLoop;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs a retry later on the adapter's loop: after the configured minimum delay doubled per
 * attempt, capped at 30 s, with "equal jitter" (a random point in the upper half of that delay, so
 * adapters that failed together do not retry together), and never once the adapter is closed. No
 * thread or sleep of its own: the retry is a task scheduled on the loop.
 */
final class AlpacaRetryTimer
{
    private static final long MAX_RETRY_DELAY_MILLIS = 30_000;

    private final EventLoop loop;
    private final long minMillis;
    private final AlpacaHealth health;

    /**
     * @param loop      the adapter's loop.
     * @param minMillis the delay of the first attempt ({@code reconnectMinMillis}).
     * @param health    says whether the adapter is closed.
     */
    AlpacaRetryTimer(final EventLoop loop, final long minMillis, final AlpacaHealth health)
    {
        this.loop = loop;
        this.minMillis = minMillis;
        this.health = health;
    }

    /**
     * @param action  what to run again.
     * @param attempt which attempt this is (1 for the first retry).
     * @return false if the adapter is closed and nothing was scheduled.
     */
    boolean retryLater(final Runnable action, final int attempt)
    {
        if (health.isClosed())
        {
            return false;
        }
        final long delay = delayMillis(minMillis, attempt);
        loop.schedule(action, delay - ThreadLocalRandom.current().nextLong(delay / 2 + 1), TimeUnit.MILLISECONDS);
        return true;
    }

    /**
     * @param minMillis the first delay.
     * @param attempt   the attempt.
     * @return {@code minMillis << attempt} (the shift capped at 16), at most 30 s.
     */
    static long delayMillis(final long minMillis, final int attempt)
    {
        return Math.min(MAX_RETRY_DELAY_MILLIS, minMillis << Math.min(attempt, 16));
    }
}
