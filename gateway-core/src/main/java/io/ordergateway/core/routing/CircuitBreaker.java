package io.ordergateway.core.routing;

/**
 * One broker's circuit breaker, on event time. CLOSED lets traffic through and counts consecutive
 * definite failures; at the threshold it OPENs and refuses traffic for the open period; then it is
 * HALF_OPEN and lets one trial order through: an answer closes it, a failure opens it again. Any
 * success in CLOSED resets the count. Owned by the route stage's thread.
 */
public final class CircuitBreaker
{
    /** The breaker's states. */
    public enum State
    {
        /** Traffic flows. */
        CLOSED,
        /** Traffic refused until the open period ends. */
        OPEN,
        /** One trial at a time. */
        HALF_OPEN
    }

    private final int threshold;
    private final long openNanos;
    private State state = State.CLOSED;
    private int failures;
    private long openedAt;
    private boolean trialInFlight;

    /**
     * @param threshold consecutive failures that open it.
     * @param openNanos how long it stays open.
     */
    public CircuitBreaker(final int threshold, final long openNanos)
    {
        this.threshold = threshold;
        this.openNanos = openNanos;
    }

    /**
     * A definite failure.
     *
     * @param now event time.
     * @return true if the breaker opened now.
     */
    public boolean onFailure(final long now)
    {
        trialInFlight = false;
        failures++;
        if (state == State.HALF_OPEN || state == State.CLOSED && failures >= threshold)
        {
            state = State.OPEN;
            openedAt = now;
            return true;
        }
        return false;
    }

    /**
     * An answer from the broker (an ack, a fill, a business reject). In CLOSED it resets the count;
     * in HALF_OPEN it is the trial's answer and closes the breaker; in OPEN it is a late answer to
     * something sent before the breaker opened and changes nothing (only a trial or a probe closes an
     * open breaker).
     *
     * @return true if the breaker closed now.
     */
    public boolean onSuccess()
    {
        if (state == State.OPEN)
        {
            return false;
        }
        trialInFlight = false;
        failures = 0;
        if (state == State.HALF_OPEN)
        {
            state = State.CLOSED;
            return true;
        }
        return false;
    }

    /**
     * Closes the breaker whatever its state: a health probe found the broker well.
     *
     * @return true if it was not closed.
     */
    public boolean reset()
    {
        final boolean changed = state != State.CLOSED;
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
        return changed;
    }

    /**
     * @param now event time.
     * @return true if the breaker went half-open now.
     */
    public boolean onTick(final long now)
    {
        if (state == State.OPEN && now - openedAt >= openNanos)
        {
            state = State.HALF_OPEN;
            trialInFlight = false;
            return true;
        }
        return false;
    }

    /**
     * @return true if an order may go now (closed, or half-open without a trial in flight).
     */
    public boolean allows()
    {
        return state == State.CLOSED || state == State.HALF_OPEN && !trialInFlight;
    }

    /**
     * Records that an order went through (a half-open breaker takes one trial).
     */
    public void onSent()
    {
        if (state == State.HALF_OPEN)
        {
            trialInFlight = true;
        }
    }

    /** @return the state. */
    public State state()
    {
        return state;
    }

    /** @return consecutive failures counted. */
    public int failures()
    {
        return failures;
    }
}
