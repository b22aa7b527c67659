package io.ordergateway.core.routing;

/**
 * How a pause ends (the gateway pauses when no broker can take orders; new orders are denied with
 * GATEWAY_PAUSED). The {@link #code()} is the journal's.
 */
public enum ResumeAfterPause
{
    /** As soon as a broker can take orders again (its breaker lets a trial through, it is enabled): the default. */
    AUTO(1),
    /**
     * Only when an operator says so ({@code controls().resume()}, {@code POST /admin/resume}, or making an
     * available broker active): the brokers coming back does not end the pause, for desks that want a
     * person, not a timer, to decide that trading goes on.
     */
    MANUAL(2);

    private final int code;

    ResumeAfterPause(final int code)
    {
        this.code = code;
    }

    /** @return the journal's code. */
    public int code()
    {
        return code;
    }

    /**
     * @param code a journal code; anything but MANUAL's (a setup written before there was a choice) is AUTO.
     * @return the setting.
     */
    public static ResumeAfterPause fromCode(final int code)
    {
        return code == MANUAL.code ? MANUAL : AUTO;
    }
}
