package io.ordergateway.core.testing;

import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one way tests wait: for a condition, with a deadline, never for a period. Where real threads
 * must run ({@link #until}), the waiting thread backs off (spin, yield, then park up to a
 * millisecond) between checks and fails with what it was waiting for when the deadline passes. In
 * INVOKER mode ({@link #invoking}) nothing waits at all: the test's thread invokes the gateway's
 * agents until the condition holds, a bounded number of duty cycles.
 */
public final class Await
{
    /** How long a test waits for real threads unless it says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_DUTY_CYCLES = 1_000_000;

    private Await()
    {
    }

    /**
     * @param what      what is awaited, for the failure.
     * @param condition checked until true (it may act too, e.g. poll reports).
     */
    public static void until(final String what, final BooleanSupplier condition)
    {
        until(what, condition, DEFAULT_TIMEOUT, () -> "");
    }

    /**
     * @param what      what is awaited, for the failure.
     * @param condition checked until true.
     * @param timeout   the deadline.
     */
    public static void until(final String what, final BooleanSupplier condition, final Duration timeout)
    {
        until(what, condition, timeout, () -> "");
    }

    /**
     * @param what        what is awaited, for the failure.
     * @param condition   checked until true.
     * @param timeout     the deadline.
     * @param diagnostics what to say besides, if the deadline passes.
     */
    public static void until(final String what, final BooleanSupplier condition, final Duration timeout,
        final Supplier<String> diagnostics)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        final IdleStrategy idle = new BackoffIdleStrategy(10, 10, 1_000, 1_000_000);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                final String more = diagnostics.get();
                throw new AssertionError("not within " + timeout + ": " + what + (more.isEmpty() ? "" : "\n" + more));
            }
            idle.idle();
        }
    }

    /**
     * INVOKER mode: duty cycles of every agent on this thread until the condition holds.
     *
     * @param invoker   the gateway's invoker.
     * @param what      what is awaited, for the failure.
     * @param condition checked after every duty cycle.
     * @return the duty cycles it took.
     */
    public static int invoking(final AgentInvoker invoker, final String what, final BooleanSupplier condition)
    {
        for (int cycles = 0; cycles < MAX_DUTY_CYCLES; cycles++)
        {
            if (condition.getAsBoolean())
            {
                return cycles;
            }
            invoker.invoke();
        }
        throw new AssertionError("not within " + MAX_DUTY_CYCLES + " duty cycles: " + what);
    }

    /**
     * INVOKER mode: duty cycles until one does no work (at the clock's present time, nothing more is due).
     *
     * @param invoker the gateway's invoker.
     * @return the duty cycles it took.
     */
    public static int idle(final AgentInvoker invoker)
    {
        for (int cycles = 1; cycles < MAX_DUTY_CYCLES; cycles++)
        {
            if (invoker.invoke() == 0)
            {
                return cycles;
            }
        }
        throw new AssertionError("agents still busy after " + MAX_DUTY_CYCLES + " duty cycles");
    }
}
