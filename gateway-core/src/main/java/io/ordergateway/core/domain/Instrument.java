package io.ordergateway.core.domain;

import io.ordergateway.journal.FixedPoint;

/**
 * What the gateway knows of a tradable symbol: its venue's calendar, its reference price (for the
 * price band and exposure), and the quantity and price rules orders in it must follow.
 *
 * @param symbol              the symbol, 1 to 16 printable ASCII characters.
 * @param calendar            the venue's calendar: {@code us-equities} or {@code 24x7}.
 * @param referencePrice      a recent price (scaled), used by risk; 0 when unknown.
 * @param lotSize             whole-order quantities must be a multiple of this (scaled; 1 share is 1e9).
 * @param minQuantity         smallest quantity (scaled).
 * @param maxQuantity         largest quantity (scaled).
 * @param fractionable        fractional quantities allowed (then only for market day orders, multiples of 1e-9).
 * @param decimalsAtOrAboveOne decimals a price of $1 or more may have (2: cents).
 * @param decimalsBelowOne    decimals a price below $1 may have (4).
 */
public record Instrument(
    String symbol,
    String calendar,
    long referencePrice,
    long lotSize,
    long minQuantity,
    long maxQuantity,
    boolean fractionable,
    int decimalsAtOrAboveOne,
    int decimalsBelowOne)
{
    /** One dollar, scaled. */
    private static final long ONE = FixedPoint.PRICE_SCALE;

    /**
     * Checks the rules are usable.
     */
    public Instrument
    {
        if (referencePrice < 0 || lotSize <= 0 || minQuantity <= 0 || maxQuantity < minQuantity)
        {
            throw new IllegalArgumentException("instrument " + symbol
                + ": referencePrice >= 0, lotSize > 0, 0 < minQuantity <= maxQuantity are required");
        }
        if (decimalsAtOrAboveOne < 0 || decimalsAtOrAboveOne > FixedPoint.PRICE_DECIMALS
            || decimalsBelowOne < 0 || decimalsBelowOne > FixedPoint.PRICE_DECIMALS)
        {
            throw new IllegalArgumentException("instrument " + symbol + ": price decimals must be 0 to "
                + FixedPoint.PRICE_DECIMALS);
        }
    }

    /**
     * A symbol with default rules and no calendar restrictions: always open, no reference price,
     * whole shares up to 1,000,000, cents above $1 and hundredths of a cent below.
     *
     * @param symbol the symbol.
     * @return the instrument.
     */
    public static Instrument of(final String symbol)
    {
        return new Instrument(symbol, "24x7", 0, FixedPoint.QUANTITY_SCALE, FixedPoint.QUANTITY_SCALE,
            FixedPoint.quantity(1_000_000), false, 2, 4);
    }

    /**
     * A US equity: NYSE calendar, whole shares (fractional if {@code fractionable}), sub-penny rules.
     *
     * @param symbol         the symbol.
     * @param referencePrice a recent price (scaled).
     * @return the instrument.
     */
    public static Instrument usEquity(final String symbol, final long referencePrice)
    {
        return new Instrument(symbol, "us-equities", referencePrice, FixedPoint.QUANTITY_SCALE, 1,
            FixedPoint.quantity(1_000_000), false, 2, 4);
    }

    /** @param calendar the calendar name. @return a copy with it. */
    public Instrument withCalendar(final String calendar)
    {
        return new Instrument(symbol, calendar, referencePrice, lotSize, minQuantity, maxQuantity, fractionable,
            decimalsAtOrAboveOne, decimalsBelowOne);
    }

    /** @param price the reference price (scaled). @return a copy with it. */
    public Instrument withReferencePrice(final long price)
    {
        return new Instrument(symbol, calendar, price, lotSize, minQuantity, maxQuantity, fractionable,
            decimalsAtOrAboveOne, decimalsBelowOne);
    }

    /**
     * @param lot lot size. @param min smallest quantity. @param max largest quantity. @param fractional fractions
     *            allowed.
     * @return a copy with them.
     */
    public Instrument withQuantities(final long lot, final long min, final long max, final boolean fractional)
    {
        return new Instrument(symbol, calendar, referencePrice, lot, min, max, fractional, decimalsAtOrAboveOne,
            decimalsBelowOne);
    }

    /** @param atOrAboveOne decimals at or above $1. @param belowOne decimals below $1. @return a copy with them. */
    public Instrument withPriceDecimals(final int atOrAboveOne, final int belowOne)
    {
        return new Instrument(symbol, calendar, referencePrice, lotSize, minQuantity, maxQuantity, fractionable,
            atOrAboveOne, belowOne);
    }

    /**
     * The smallest price step allowed at a price.
     *
     * @param price a positive scaled price.
     * @return the step, scaled (e.g. 1_000_000 for a cent).
     */
    public long tick(final long price)
    {
        final int decimals = price >= ONE ? decimalsAtOrAboveOne : decimalsBelowOne;
        long tick = 1;
        for (int i = decimals; i < FixedPoint.PRICE_DECIMALS; i++)
        {
            tick *= 10;
        }
        return tick;
    }
}
