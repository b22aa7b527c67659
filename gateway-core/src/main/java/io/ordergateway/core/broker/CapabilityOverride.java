package io.ordergateway.core.broker;

import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.TimeInForce;

import java.util.Map;
import java.util.Set;

/**
 * A broker's {@code capabilities:} in the configuration: what the operator knows better than the
 * adapter's declaration or the broker's own discovery. Every part is optional (null: keep).
 *
 * @param orderTypes    order types accepted, or null.
 * @param timesInForce  times in force accepted, or null.
 * @param fractional    fractional quantities, or null.
 * @param shortSelling  short selling, or null.
 * @param extendedHours extended hours, or null.
 * @param symbols       per symbol: what to change in what the broker says of it.
 */
public record CapabilityOverride(Set<OrderType> orderTypes, Set<TimeInForce> timesInForce, Boolean fractional,
    Boolean shortSelling, Boolean extendedHours, Map<String, Symbol> symbols)
{
    /** Nothing overridden. */
    public static final CapabilityOverride NONE = new CapabilityOverride(null, null, null, null, null, Map.of());

    /**
     * Copies the map.
     */
    public CapabilityOverride
    {
        symbols = Map.copyOf(symbols);
    }

    /**
     * One symbol's override; null parts keep what the broker says.
     *
     * @param tradable     or null.
     * @param shortable    or null.
     * @param fractionable or null.
     */
    public record Symbol(Boolean tradable, Boolean shortable, Boolean fractionable)
    {
    }

    /**
     * @param declared the adapter's declaration.
     * @return it with the overridden parts replaced.
     */
    public BrokerCapabilities apply(final BrokerCapabilities declared)
    {
        return new BrokerCapabilities(orderTypes != null ? orderTypes : declared.orderTypes(),
            timesInForce != null ? timesInForce : declared.timesInForce(), declared.orderClasses(),
            fractional != null ? fractional : declared.fractional(),
            shortSelling != null ? shortSelling : declared.shortSelling(),
            extendedHours != null ? extendedHours : declared.extendedHours());
    }

    /**
     * @param said what the broker (or its declaration) says of a symbol.
     * @return it with this override's parts for the symbol replaced.
     */
    public SymbolTerms apply(final SymbolTerms said)
    {
        final Symbol o = symbols.get(said.symbol());
        if (o == null)
        {
            return said;
        }
        return new SymbolTerms(said.symbol(), o.tradable() != null ? o.tradable() : said.tradable(),
            o.shortable() != null ? o.shortable() : said.shortable(), said.easyToBorrow(),
            o.fractionable() != null ? o.fractionable() : said.fractionable(), said.marginable());
    }
}
