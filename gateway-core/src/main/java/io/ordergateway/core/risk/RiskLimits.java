package io.ordergateway.core.risk;

/**
 * Pre-trade risk limits, applied per account. Zero turns a limit off. Quantities and prices are
 * scaled longs; money is in the price scale.
 *
 * @param maxOrderQuantity  the largest quantity of one order.
 * @param maxOrderNotional  the largest notional of one order (market orders are valued at the reference price).
 * @param priceBandBps      how far (basis points) a limit or stop price may be from the reference price.
 * @param maxPosition       the largest position per symbol, long or short, counting open orders on that side.
 * @param maxGrossExposure  the largest gross exposure: positions and open orders at reference prices.
 * @param maxOpenOrders     the most orders open at once.
 */
public record RiskLimits(
    long maxOrderQuantity,
    long maxOrderNotional,
    long priceBandBps,
    long maxPosition,
    long maxGrossExposure,
    int maxOpenOrders)
{
    /** No limits. */
    public static final RiskLimits NONE = new RiskLimits(0, 0, 0, 0, 0, 0);

    /**
     * Checks no limit is negative.
     */
    public RiskLimits
    {
        if (maxOrderQuantity < 0 || maxOrderNotional < 0 || priceBandBps < 0 || maxPosition < 0 || maxGrossExposure < 0
            || maxOpenOrders < 0)
        {
            throw new IllegalArgumentException("risk limits must not be negative (0 turns one off)");
        }
    }

    /**
     * @return true if a limit needs reference prices (notional of market orders, price band, gross exposure).
     */
    public boolean needsReferencePrices()
    {
        return maxOrderNotional != 0 || priceBandBps != 0 || maxGrossExposure != 0;
    }
}
