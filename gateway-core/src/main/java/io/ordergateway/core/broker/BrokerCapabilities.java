package io.ordergateway.core.broker;

import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.TimeInForce;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a broker accepts, declared by its adapter, so routing never sends it an order it cannot take.
 *
 * @param orderTypes    order types accepted.
 * @param timesInForce  times in force accepted.
 * @param orderClasses  order classes accepted.
 * @param fractional    fractional quantities accepted.
 * @param shortSelling  sells that open a short accepted.
 * @param extendedHours orders outside the regular session accepted.
 */
public record BrokerCapabilities(
    Set<OrderType> orderTypes,
    Set<TimeInForce> timesInForce,
    Set<OrderClass> orderClasses,
    boolean fractional,
    boolean shortSelling,
    boolean extendedHours)
{
    /**
     * Copies the sets so the record stays immutable.
     */
    public BrokerCapabilities
    {
        orderTypes = Set.copyOf(orderTypes);
        timesInForce = Set.copyOf(timesInForce);
        orderClasses = Set.copyOf(orderClasses);
    }

    /**
     * @return a broker that takes everything.
     */
    public static BrokerCapabilities everything()
    {
        return new BrokerCapabilities(
            EnumSet.allOf(OrderType.class), EnumSet.allOf(TimeInForce.class), EnumSet.allOf(OrderClass.class), true,
            true, true);
    }
}
