package io.ordergateway.core.api;

/**
 * The immediate answer to a submit, cancel or replace: whether the command entered the ring.
 * Entering the ring is not being sent: the checks that follow may still deny it, and the strategy
 * hears of that through an {@link ExecutionReport}.
 */
public enum SubmitResult
{
    /** In the ring; an execution report will follow. */
    ACCEPTED("accepted into the ring"),
    /** The ring is full: the gateway is behind. Poll reports, back off, and submit again. */
    RING_FULL("ring full: the gateway is behind; poll your reports and try again"),
    /**
     * The strategy is not taking its reports (the poll queue is full, or the listener is behind): the gateway
     * takes no more commands until it does, rather than fill the ring. Poll, then submit again. Counted, and
     * alerted once per episode.
     */
    REPORTS_BACKLOG("reports backlog: the strategy is not taking its reports; poll them (or speed up the listener) "
    + "and try again"),
    /** The gateway is closed. */
    CLOSED("gateway closed");

    private final String description;

    SubmitResult(final String description)
    {
        this.description = description;
    }

    /**
     * @return what it means, for logs.
     */
    public String description()
    {
        return description;
    }
}
