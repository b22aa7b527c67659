package io.ordergateway.core.settings;

import io.ordergateway.core.risk.RiskLimits;
import io.ordergateway.journal.FixedPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What can change while the gateway runs: risk limits, the three throttles, and the weights of the
 * weighted split. (Brokers are enabled and disabled with routing commands.) A change enters the ring
 * as one event; each stage applies its own part when the event passes it, so each piece of state
 * keeps its single writer, and the journal holds the change where it took effect.
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
    RiskLimits risk, long accountRate, long accountBurst, long strategyRate, long strategyBurst, long symbolRate, long symbolBurst,
    List<Integer> weights, String source)
{
    /**
     * Copies the weights.
     */
    public RuntimeSettings
    {
        weights = List.copyOf(weights);
    }

    /**
     * @param brokers how many brokers the gateway has.
     * @return what is wrong, one line each; empty when the settings can be applied.
     */
    public List<String> problems(final int brokers)
    {
        final List<String> out = new ArrayList<>();
        if (risk == null)
        {
            out.add("risk: required");
        }
        rate(out, "throttles.account", accountRate, accountBurst);
        rate(out, "throttles.strategy", strategyRate, strategyBurst);
        rate(out, "throttles.symbol", symbolRate, symbolBurst);
        if (weights.size() != brokers || weights.stream().anyMatch(w -> w == null || w < 0)
            || weights.stream().mapToInt(Integer::intValue).sum() != 100)
        {
            out.add("routing.weights: one percentage per broker (" + brokers + "), none negative, adding up to 100, was " + weights);
        }
        return out;
    }

    private static void rate(final List<String> out, final String name, final long rate, final long burst)
    {
        if (rate < 0 || rate > 1_000_000_000L || burst < 1)
        {
            out.add(name + ": rate must be 0 (off) to 1e9 per second and burst at least 1, was " + rate + "/" + burst);
        }
    }

    /**
     * @param version the version number the gateway gave it.
     * @return a one-line text form (journaled, listed, compared).
     */
    public String describe(final int version)
    {
        return String.format(Locale.ROOT, "version=%d source=%s risk.maxOrderQuantity=%s risk.maxOrderNotional=%s risk.priceBandBps=%d "
            + "risk.maxPosition=%s risk.maxGrossExposure=%s risk.maxOpenOrders=%d throttles.account=%d/%d throttles.strategy=%d/%d "
            + "throttles.symbol=%d/%d routing.weights=%s", version, source, FixedPoint.formatQuantity(risk.maxOrderQuantity()),
            FixedPoint.formatPrice(risk.maxOrderNotional()), risk.priceBandBps(), FixedPoint.formatQuantity(risk.maxPosition()),
            FixedPoint.formatPrice(risk.maxGrossExposure()), risk.maxOpenOrders(), accountRate, accountBurst, strategyRate, strategyBurst,
            symbolRate, symbolBurst, weights);
    }

    /**
     * @param newSource the new source.
     * @return a copy from another source (a rollback).
     */
    public RuntimeSettings from(final String newSource)
    {
        return new RuntimeSettings(risk, accountRate, accountBurst, strategyRate, strategyBurst, symbolRate, symbolBurst, weights, newSource);
    }
}
