package io.ordergateway.runtime.config;

import io.ordergateway.core.broker.CapabilityOverride;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.TimeInForce;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A broker's {@code capabilities:} block: what the operator knows better than the adapter's
 * declaration or the broker's own discovery. Every key is optional:
 * {@code { orderTypes: [market, limit], timesInForce: [day, gtc], fractional: false,
 * shortSelling: false, extendedHours: false, symbols: { TSLA: { tradable: false, shortable: false,
 * fractionable: false } } }}.
 */
final class CapabilitiesSection
{
    private CapabilitiesSection()
    {
    }

    /**
     * @param c       the block (possibly absent).
     * @param symbols the configured symbols: a symbol block names one of them.
     * @return the override (problems go to the node's list, with their paths).
     */
    static CapabilityOverride read(final ConfigNode c, final Set<String> symbols)
    {
        final Set<OrderType> types = c.has("orderTypes") ? names(c, "orderTypes", OrderType.class) : null;
        final Set<TimeInForce> tifs = c.has("timesInForce") ? names(c, "timesInForce", TimeInForce.class) : null;
        final Boolean fractional = optional(c, "fractional");
        final Boolean shortSelling = optional(c, "shortSelling");
        final Boolean extendedHours = optional(c, "extendedHours");
        final Map<String, CapabilityOverride.Symbol> perSymbol = new LinkedHashMap<>();
        final ConfigNode s = c.object("symbols");
        for (final String symbol : s.keys())
        {
            final ConfigNode one = s.object(symbol);
            if (!symbols.contains(symbol))
            {
                s.problem(symbol, "not one of the instruments " + symbols);
            }
            perSymbol.put(symbol, new CapabilityOverride.Symbol(optional(one, "tradable"), optional(one, "shortable"),
                optional(one, "fractionable")));
            one.done();
        }
        s.done();
        c.done();
        return new CapabilityOverride(types, tifs, fractional, shortSelling, extendedHours, perSymbol);
    }

    /**
     * Reads a broker's block into the map of overrides, if it says anything.
     *
     * @param c       the block (possibly absent).
     * @param symbols the configured symbols.
     * @param broker  the broker's name.
     * @param into    overrides by broker name.
     */
    static void collect(final ConfigNode c, final Set<String> symbols, final String broker,
        final Map<String, CapabilityOverride> into)
    {
        final CapabilityOverride o = read(c, symbols);
        if (!o.equals(CapabilityOverride.NONE))
        {
            into.put(broker, o);
        }
    }

    private static Boolean optional(final ConfigNode c, final String key)
    {
        return c.has(key) ? c.bool(key, false) : null;
    }

    private static <E extends Enum<E>> Set<E> names(final ConfigNode c, final String key, final Class<E> type)
    {
        final Set<E> out = EnumSet.noneOf(type);
        for (final ConfigNode item : c.list(key))
        {
            final String text = item.scalar();
            E found = null;
            for (final E e : type.getEnumConstants())
            {
                if (e.name().equalsIgnoreCase(String.valueOf(text).replace('-', '_')))
                {
                    found = e;
                }
            }
            if (found == null)
            {
                final List<String> allowed = new ArrayList<>();
                for (final E e : type.getEnumConstants())
                {
                    allowed.add(e.name().toLowerCase(Locale.ROOT));
                }
                c.problem(key, "'" + text + "'; expected one of " + String.join(", ", allowed));
            }
            else
            {
                out.add(found);
            }
        }
        return out;
    }
}
