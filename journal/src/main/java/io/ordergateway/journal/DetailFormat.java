package io.ordergateway.journal;

import io.ordergateway.journal.sbe.DetailField;

import java.time.Instant;

/**
 * Renders the value and bound of a denial the way a person reads them: prices and quantities as
 * decimals, money with cents, session times as instants, the rest as plain numbers. Used by the
 * journal dump and by execution reports; not for the hot path.
 */
public final class DetailFormat
{
    private DetailFormat()
    {
    }

    /**
     * @param out   where to append.
     * @param field what the number is about (a DetailField code).
     * @param value the number, scaled as the field implies.
     * @return {@code out}.
     */
    public static StringBuilder append(final StringBuilder out, final int field, final long value)
    {
        return append(out, field(field), value);
    }

    static StringBuilder append(final StringBuilder out, final DetailField field, final long value)
    {
        if (value == FixedPoint.NULL)
        {
            return out.append('-');
        }
        switch (field)
        {
            case LIMIT_PRICE:
            case STOP_PRICE:
            case TRAIL:
            case TAKE_PROFIT:
            case STOP_LOSS:
            case PRICE_BAND:
            case TAKE_PROFIT_LIMIT:
            case STOP_LOSS_LIMIT:
                return FixedPoint.append(out, value, FixedPoint.PRICE_DECIMALS, 2);
            case QUANTITY:
            case MAX_ORDER_QUANTITY:
            case MAX_POSITION:
            case REDUCE_ONLY:
            case LOT_SIZE:
            case MIN_QUANTITY:
            case MAX_QUANTITY:
            case FRACTIONAL:
                return FixedPoint.append(out, value, FixedPoint.QUANTITY_DECIMALS, 0);
            case MAX_ORDER_NOTIONAL:
            case MAX_GROSS_EXPOSURE:
                return FixedPoint.append(out, value - value % (FixedPoint.PRICE_SCALE / 100), FixedPoint.PRICE_DECIMALS,
                    2);
            case SESSION:
                return value <= 0 ? out.append(value) :
                    out.append(Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L),
                    Math.floorMod(value, 1_000_000_000L)));
            case RATE:
            case STRATEGY_RATE:
            case SYMBOL_RATE:
            default:
                return out.append(value);
        }
    }

    private static DetailField field(final int field)
    {
        try
        {
            return field == JournalListener.NULL_CODE ? DetailField.NULL_VAL : DetailField.get((short)field);
        }
        catch (final IllegalArgumentException ex)
        {
            return DetailField.NULL_VAL;
        }
    }
}
