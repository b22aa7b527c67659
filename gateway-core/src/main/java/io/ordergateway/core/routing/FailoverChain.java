package io.ordergateway.core.routing;

import io.ordergateway.core.broker.OrderCommand;

/**
 * The ordered primary and backups, and which of them is active. When the active broker becomes
 * unavailable (its breaker opens, or an operator disables it) the next available one in chain
 * order takes over. After the recovery period the primary is probed (the probe runs off the ring
 * and its answer comes back as an event); a healthy answer makes it active again. A primary that
 * fails again within the hold-down of being restored waits twice as long for its next probe (up to
 * eight times), so an intermittent primary does not make traffic flap. With no broker available
 * the chain is paused, and it resumes when one comes back. Event time only; owned by the route
 * stage's thread.
 *
 * <p>With {@link RoutingConfig#failover()} off the active broker changes only by an operator's
 * {@link #force}: it stays active when it fails (no failover, no probe, no spill to a backup) and
 * the chain is paused while it is unavailable. With {@link ResumeAfterPause#MANUAL} a pause ends
 * only by an operator ({@link #resume}, or {@link #force} to a broker that can take orders), not
 * when brokers come back.
 */
public final class FailoverChain
{
    private static final int MAX_BACKOFF_SHIFT = 3;

    private final int[] order;
    private final long recoveryNanos;
    private final long holdDownNanos;
    private final boolean failover;
    private final boolean autoResume;
    private int active;
    private boolean paused;
    private boolean probePending;
    private long recoveryDueAt = Long.MAX_VALUE;
    private long restoredAt = Long.MIN_VALUE;
    private int backoffShift;

    /**
     * @param config the chain order and periods.
     */
    public FailoverChain(final RoutingConfig config)
    {
        order = config.chain().stream().mapToInt(Integer::intValue).toArray();
        recoveryNanos = config.recoveryNanos();
        holdDownNanos = config.holdDownNanos();
        failover = config.failover();
        autoResume = config.resumeAfterPause() != ResumeAfterPause.MANUAL;
        active = order[0];
    }

    /** @return the primary. */
    public int primary()
    {
        return order[0];
    }

    /** @return the active broker. */
    public int active()
    {
        return active;
    }

    /** @return true when no broker can take orders. */
    public boolean paused()
    {
        return paused;
    }

    /** @return how many brokers the chain holds. */
    public int length()
    {
        return order.length;
    }

    /**
     * @param position 0 for the primary.
     * @return the broker at that position.
     */
    public int at(final int position)
    {
        return order[position];
    }

    /**
     * For primary-only routing: the active broker if it can take the order, else the next one in
     * chain order that can (a capability or an API budget the active one lacks). Without failover, the
     * active broker or none.
     *
     * @param o    the order.
     * @param now  event time.
     * @param pool the brokers.
     * @return the broker, or -1.
     */
    public int pick(final OrderCommand o, final long now, final BrokerPool pool)
    {
        if (pool.eligible(active, o, now))
        {
            return active;
        }
        if (!failover)
        {
            return -1;
        }
        for (final int b : order)
        {
            if (b != active && pool.eligible(b, o, now))
            {
                return b;
            }
        }
        return -1;
    }

    /**
     * A broker can no longer take orders. If it was the active one, the next available takes over
     * (without failover: it stays active, and the chain pauses).
     */
    public void onUnavailable(final int broker, final long now, final BrokerPool pool, final RoutingChanges changes)
    {
        if (broker == active && failover)
        {
            final int next = firstAvailable(pool);
            if (next >= 0)
            {
                active = next;
                changes.add(RoutingChangeKind.FAILOVER, next, broker, 0);
            }
            if (broker == order[0])
            {
                if (restoredAt != Long.MIN_VALUE && now - restoredAt < holdDownNanos)
                {
                    // failed again soon after being restored
                    backoffShift = Math.min(MAX_BACKOFF_SHIFT, backoffShift + 1);
                }
                recoveryDueAt = now + (recoveryNanos << backoffShift);
            }
        }
        updatePaused(pool, changes, false);
    }

    /**
     * A broker can take orders again (its breaker half-opened or closed, or it was enabled). A pause
     * ends, unless it waits for an operator ({@link ResumeAfterPause#MANUAL}).
     */
    public void onAvailable(final int broker, final BrokerPool pool, final RoutingChanges changes)
    {
        if (paused && failover && autoResume)
        {
            final int before = active;
            active = firstAvailable(pool);
            if (active != before)
            {
                changes.add(RoutingChangeKind.FAILOVER, active, before, 0);
            }
        }
        updatePaused(pool, changes, false);
    }

    /**
     * An operator ends a pause: the active broker, or if it cannot take orders (and failover is on)
     * the first in chain order that can, takes orders again. Nothing changes when the chain is not
     * paused, or when no broker can take orders yet.
     */
    public void resume(final BrokerPool pool, final RoutingChanges changes)
    {
        if (!paused)
        {
            return;
        }
        if (failover && !pool.available(active))
        {
            final int next = firstAvailable(pool);
            if (next >= 0)
            {
                final int before = active;
                active = next;
                changes.add(RoutingChangeKind.FAILOVER, next, before, 0);
            }
        }
        updatePaused(pool, changes, true);
    }

    /**
     * On a tick: asks for a probe of the primary when its recovery period has passed.
     */
    public void onTick(final long now, final RoutingChanges changes)
    {
        if (active != order[0] && !probePending && now >= recoveryDueAt)
        {
            probePending = true;
            changes.add(RoutingChangeKind.PROBE_REQUESTED, order[0], -1, 0);
        }
    }

    /**
     * The probe's answer.
     */
    public void onProbe(final int broker, final boolean healthy, final long now, final BrokerPool pool,
        final RoutingChanges changes)
    {
        if (broker != order[0] || !probePending)
        {
            return;
        }
        probePending = false;
        if (healthy && pool.enabled(broker))
        {
            if (pool.breaker(broker).reset())
            {
                changes.add(RoutingChangeKind.BREAKER_CLOSED, broker, -1, 0);
            }
            final int before = active;
            active = broker;
            restoredAt = now;
            recoveryDueAt = Long.MAX_VALUE;
            changes.add(RoutingChangeKind.RECOVERY, broker, before, 0);
            updatePaused(pool, changes, false);
        }
        else
        {
            recoveryDueAt = now + (recoveryNanos << backoffShift);
        }
    }

    /**
     * An operator makes a broker active; if it can take orders, that ends a pause too (an operator's
     * decision, so also with {@link ResumeAfterPause#MANUAL}).
     */
    public void force(final int broker, final BrokerPool pool, final RoutingChanges changes)
    {
        final int before = active;
        active = broker;
        recoveryDueAt = broker == order[0] ? Long.MAX_VALUE : recoveryDueAt;
        changes.add(RoutingChangeKind.FORCED_ACTIVE, broker, before, 0);
        updatePaused(pool, changes, true);
    }

    /**
     * @return the probe the route stage asked for and has not heard back about (the timer polls it).
     */
    public boolean probePending()
    {
        return probePending;
    }

    private int firstAvailable(final BrokerPool pool)
    {
        for (final int b : order)
        {
            if (pool.available(b))
            {
                return b;
            }
        }
        return -1;
    }

    /**
     * @param operator true when an operator's command asks (a pause that waits for one may end).
     */
    private void updatePaused(final BrokerPool pool, final RoutingChanges changes, final boolean operator)
    {
        final boolean none = failover ? firstAvailable(pool) < 0 : !pool.available(active);
        if (none && !paused)
        {
            paused = true;
            changes.add(RoutingChangeKind.PAUSED, -1, active, 0);
        }
        else if (!none && paused && (autoResume || operator))
        {
            paused = false;
            changes.add(RoutingChangeKind.RESUMED, active, -1, 0);
        }
    }
}
