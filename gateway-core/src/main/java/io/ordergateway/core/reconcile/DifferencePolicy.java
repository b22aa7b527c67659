package io.ordergateway.core.reconcile;

import java.util.Locale;

/**
 * What the gateway does when a running reconciliation confirms a difference with a broker.
 * The codes are the journal's {@code DifferencePolicy}.
 */
public enum DifferencePolicy
{
    /** Journal and alert; trading goes on. */
    WARN(1),
    /** Journal, alert, and put every account in reduce-only (orders that shrink a position only). */
    REDUCE_ONLY(2),
    /** Journal, alert, and engage the kill switch for every account. */
    KILL_SWITCH(3);

    private final int code;

    DifferencePolicy(final int code)
    {
        this.code = code;
    }

    /**
     * @return the journal's code.
     */
    public int code()
    {
        return code;
    }

    /**
     * @param text {@code warn}, {@code reduce_only} or {@code kill_switch} (any case, {@code -} for {@code _}).
     * @return the policy.
     * @throws IllegalArgumentException naming the allowed values.
     */
    public static DifferencePolicy parse(final String text)
    {
        try
        {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        catch (final IllegalArgumentException | NullPointerException ex)
        {
            throw new IllegalArgumentException("'" + text + "' is not warn, reduce_only or kill_switch");
        }
    }
}
