package io.ordergateway.core.state;

/**
 * A position as the books hold it, read-only. Scaled longs ({@code Scales}).
 */
public interface PositionView
{
    /** @return signed quantity: positive long, negative short. */
    long quantity();

    /** @return the average price of the open quantity. */
    long averagePrice();

    /** @return profit realised so far. */
    long realisedPnl();
}
