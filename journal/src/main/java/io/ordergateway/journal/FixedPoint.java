package io.ordergateway.journal;

/**
 * The fixed-point scales of every price and quantity in the gateway and its journal, and their
 * conversion to and from decimal text at the edges (command line, broker protocols, dumps).
 *
 * <ul>
 *   <li>Quantities are {@code long}s in units of 1e-9 ({@link #QUANTITY_SCALE}): one share is
 *       1_000_000_000, the smallest fraction is one billionth. Range: about +/- 9.2 billion units.</li>
 *   <li>Prices, trail amounts and trail percents are {@code long}s in units of 1e-8
 *       ({@link #PRICE_SCALE}): $187.25 is 18_725_000_000. Range: about +/- 92 billion.</li>
 *   <li>Money (notional, P&amp;L) uses the price scale.</li>
 * </ul>
 *
 * {@link #NULL} ({@code Long.MIN_VALUE}, also SBE's int64 null) marks a price that is absent.
 */
public final class FixedPoint
{
    /** Units of one quantity: 1e9, so fractions down to 1e-9 are exact. */
    public static final long QUANTITY_SCALE = 1_000_000_000L;
    /** Decimal places of a quantity. */
    public static final int QUANTITY_DECIMALS = 9;
    /** Units of one price (or one unit of money): 1e8. */
    public static final long PRICE_SCALE = 100_000_000L;
    /** Decimal places of a price. */
    public static final int PRICE_DECIMALS = 8;
    /** An absent price or amount. */
    public static final long NULL = Long.MIN_VALUE;

    private FixedPoint()
    {
    }

    /**
     * Converts a whole number of units to the quantity scale.
     *
     * @param units whole shares or contracts.
     * @return the scaled quantity.
     */
    public static long quantity(final long units)
    {
        return Math.multiplyExact(units, QUANTITY_SCALE);
    }

    /**
     * Converts whole dollars (or any currency unit) to the money scale (the price scale).
     *
     * @param units whole currency units.
     * @return the scaled amount.
     */
    public static long money(final long units)
    {
        return Math.multiplyExact(units, PRICE_SCALE);
    }

    /**
     * Converts a decimal price given in hundredths (cents) to the price scale.
     *
     * @param cents the price in cents, e.g. 18725 for $187.25.
     * @return the scaled price.
     */
    public static long priceFromCents(final long cents)
    {
        return Math.multiplyExact(cents, PRICE_SCALE / 100);
    }

    /**
     * Parses decimal text such as {@code "187.25"} or {@code "-0.000000001"} into a scaled long.
     *
     * @param text     the decimal text; no exponent, at most {@code decimals} fraction digits.
     * @param decimals the number of decimal places of the scale (9 for quantities, 8 for prices).
     * @return the scaled value.
     * @throws IllegalArgumentException if the text is not a decimal number, has too many
     *                                  fraction digits, or does not fit the scale.
     */
    public static long parse(final CharSequence text, final int decimals)
    {
        final int length = text.length();
        if (length == 0)
        {
            throw new IllegalArgumentException("empty decimal");
        }
        int i = 0;
        boolean negative = false;
        if (text.charAt(0) == '-' || text.charAt(0) == '+')
        {
            negative = text.charAt(0) == '-';
            i++;
        }
        long value = 0;
        int fractionDigits = -1;
        boolean anyDigit = false;
        for (; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c == '.')
            {
                if (fractionDigits >= 0)
                {
                    throw new IllegalArgumentException("two decimal points in '" + text + "'");
                }
                fractionDigits = 0;
                continue;
            }
            if (c < '0' || c > '9')
            {
                throw new IllegalArgumentException("not a decimal number: '" + text + "'");
            }
            anyDigit = true;
            if (fractionDigits >= 0 && ++fractionDigits > decimals)
            {
                throw new IllegalArgumentException("more than " + decimals + " decimal places in '" + text + "'");
            }
            try
            {
                value = Math.addExact(Math.multiplyExact(value, 10), c - '0');
            }
            catch (final ArithmeticException ex)
            {
                throw new IllegalArgumentException("out of range: '" + text + "'", ex);
            }
        }
        if (!anyDigit)
        {
            throw new IllegalArgumentException("not a decimal number: '" + text + "'");
        }
        final int pad = decimals - Math.max(fractionDigits, 0);
        try
        {
            for (int p = 0; p < pad; p++)
            {
                value = Math.multiplyExact(value, 10);
            }
        }
        catch (final ArithmeticException ex)
        {
            throw new IllegalArgumentException("out of range: '" + text + "'", ex);
        }
        return negative ? -value : value;
    }

    /**
     * Appends a scaled value as plain decimal text with trailing fraction zeros removed
     * (but at least {@code minDecimals} places), e.g. 18_725_000_000 at 8 decimals, min 2: "187.25".
     *
     * @param out         where to append.
     * @param value       the scaled value; {@link #NULL} is written as "-".
     * @param decimals    decimal places of the scale.
     * @param minDecimals fraction digits always kept.
     * @return {@code out}.
     */
    public static StringBuilder
        append(final StringBuilder out, final long value, final int decimals, final int minDecimals)
    {
        if (value == NULL)
        {
            return out.append('-');
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++)
        {
            scale *= 10;
        }
        final boolean negative = value < 0;
        final long whole = Math.abs(value / scale);
        long fraction = Math.abs(value % scale);
        if (negative)
        {
            out.append('-');
        }
        out.append(whole);
        int digits = decimals;
        while (digits > minDecimals && fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }
        if (digits > 0)
        {
            out.append('.');
            final int start = out.length();
            out.append(fraction);
            final int written = out.length() - start;
            for (int i = written; i < digits; i++)
            {
                out.insert(start, '0');
            }
        }
        return out;
    }

    /**
     * Renders a scaled price as text, at least two decimals.
     *
     * @param price the price in units of 1e-8.
     * @return the decimal text.
     */
    public static String formatPrice(final long price)
    {
        return append(new StringBuilder(24), price, PRICE_DECIMALS, 2).toString();
    }

    /**
     * Renders a scaled quantity as text, with no decimals when it is whole.
     *
     * @param quantity the quantity in units of 1e-9.
     * @return the decimal text.
     */
    public static String formatQuantity(final long quantity)
    {
        return append(new StringBuilder(24), quantity, QUANTITY_DECIMALS, 0).toString();
    }
}
