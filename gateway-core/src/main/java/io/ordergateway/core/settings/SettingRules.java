package io.ordergateway.core.settings;

/**
 * The rules of the gateway's numeric settings, in one place, for the settings object and the
 * configuration loader alike (each is checked by {@code GatewaySettings.problems()}).
 */
public final class SettingRules
{
    /**
     * Ring slots: a power of two, at least 2 (the ring keeps half of them for broker events), at most
     * 2^22: every slot holds a preallocated event of a few hundred bytes, so 2^22 slots already take
     * over a gibibyte of heap, and 2^24 ran out of memory on the default heap.
     */
    public static final WholeNumberRule RING_SIZE_RULE = WholeNumberRule.powerOfTwo(2, 1 << 22);
    /** Poll queue bytes: a power of two, room for a hundred reports at least. */
    public static final WholeNumberRule POLL_QUEUE_BYTES_RULE = WholeNumberRule.powerOfTwo(4096, 1 << 30);
    /** A throttle's or an API budget's rate per second: 0 turns it off; at most one per nanosecond. */
    public static final WholeNumberRule RATE_PER_SECOND_RULE = WholeNumberRule.range(0, 1_000_000_000L);
    /** A throttle's burst: what a bucket holds when full. */
    public static final WholeNumberRule BURST_RULE = WholeNumberRule.range(1, 1_000_000_000L);
    /** Orders open at once, to presize the order book (its records are made up front). */
    public static final WholeNumberRule EXPECTED_OPEN_ORDERS_RULE = WholeNumberRule.range(0, 1 << 24);
    /** Finished orders kept findable for late events. */
    public static final WholeNumberRule RETAIN_FINISHED_ORDERS_RULE = WholeNumberRule.range(1, 1 << 24);
    /** A timeout in milliseconds: up to a day. */
    public static final WholeNumberRule TIMEOUT_MILLIS_RULE = WholeNumberRule.range(0, 86_400_000L);

    private SettingRules()
    {
    }
}
