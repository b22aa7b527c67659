package io.ordergateway.core.settings;

import io.ordergateway.core.risk.RiskLimits;
import io.ordergateway.journal.FixedPoint;

import java.util.List;
import java.util.Locale;

/**
 * What can change while the gateway runs: risk limits, the three throttles, and the weights of the
 * weighted split. (Brokers are enabled and disabled with routing commands.) A change enters the ring
 * as one event; each stage applies its own part when the event passes it, so each piece of state
 * keeps its single writer, and the journal holds the change where it took effect. A change is
 * checked by the rules the gateway's settings were checked by at start
 * ({@code GatewaySettings.problemsWith}), before it enters the ring.
 *
 * @param risk           risk limits.
 * @param accountRate    account throttle rate (0: off).
 * @param accountBurst   account throttle burst.
 * @param strategyRate   strategy throttle rate.
 * @param strategyBurst  strategy throttle burst.
 * @param symbolRate     symbol throttle rate.
 * @param symbolBurst    symbol throttle burst.
 * @param weights        weighted-split percentages per broker.
 * @param source         where the change came from (file, admin, rollback to N).
 */
public record RuntimeSettings(
    RiskLimits risk, long accountRate, long accountBurst, long strategyRate, long strategyBurst, long symbolRate,
    long symbolBurst, List<Integer> weights, String source)
{
    /**
     * Copies the weights.
     */
    public RuntimeSettings
    {
        weights = List.copyOf(weights);
    }

    /**
     * @param version the version number the gateway gave it.
     * @return a one-line text form (journaled, listed, compared).
     */
    public String describe(final int version)
    {
        return String.format(Locale.ROOT,
            "version=%d source=%s risk.maxOrderQuantity=%s risk.maxOrderNotional=%s risk.priceBandBps=%d "
            + "risk.maxPosition=%s risk.maxGrossExposure=%s risk.maxOpenOrders=%d throttles.account=%d/%d "
            + "throttles.strategy=%d/%d throttles.symbol=%d/%d routing.weights=%s", version, source,
            FixedPoint.formatQuantity(risk.maxOrderQuantity()), FixedPoint.formatPrice(risk.maxOrderNotional()),
            risk.priceBandBps(), FixedPoint.formatQuantity(risk.maxPosition()),
            FixedPoint.formatPrice(risk.maxGrossExposure()), risk.maxOpenOrders(), accountRate, accountBurst,
            strategyRate, strategyBurst, symbolRate, symbolBurst, weights);
    }

    /**
     * @param newSource the new source.
     * @return a copy from another source (a rollback).
     */
    public RuntimeSettings from(final String newSource)
    {
        return new RuntimeSettings(risk, accountRate, accountBurst, strategyRate, strategyBurst, symbolRate,
            symbolBurst, weights, newSource);
    }
}
