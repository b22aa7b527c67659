package io.ordergateway.core.validate;

import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.calendar.AlwaysOpenCalendar;
import io.ordergateway.core.calendar.MarketCalendar;
import io.ordergateway.core.calendar.SessionCalendar;
import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Consumer;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every validation rule: an order just inside the bound passes, one just outside is denied with the
 * right reason, field, value and bound.
 */
class ValidateStageTest
{
    private static final int STOCK = 0;
    private static final int PENNY = 1;
    private static final int FRACTIONAL = 2;
    private static final int NYSE = 3;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final long CENT = FixedPoint.PRICE_SCALE / 100;

    private final SessionCalendar nyse = SessionCalendar.usEquities();
    private final ValidateStage stage = new ValidateStage(
        new Instrument[] {
            Instrument.of("STOCK")
                .withQuantities(FixedPoint.quantity(1), FixedPoint.quantity(1), FixedPoint.quantity(1000), false),
            Instrument.of("PENNY"),
            Instrument.of("FRAC").withQuantities(FixedPoint.quantity(1), 1, FixedPoint.quantity(1000), true),
            Instrument.usEquity("AAPL", price("187.25"))},
        new MarketCalendar[] {new AlwaysOpenCalendar(), new AlwaysOpenCalendar(), new AlwaysOpenCalendar(), nyse});

    private static long price(final String text)
    {
        return FixedPoint.parse(text, FixedPoint.PRICE_DECIMALS);
    }

    private static long newYork(final String localDateTime)
    {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toEpochSecond() * 1_000_000_000L;
    }

    private GatewayEvent check(final Consumer<GatewayEvent> change)
    {
        final GatewayEvent e = new GatewayEvent();
        e.reset();
        e.type = EventType.NEW_ORDER;
        e.timestamp = newYork("2026-11-18T10:00:00"); // a Wednesday, mid-session
        e.symbolId = STOCK;
        e.side = Side.BUY;
        e.orderType = OrderType.LIMIT;
        e.timeInForce = TimeInForce.DAY;
        e.orderClass = OrderClass.SIMPLE;
        e.quantity = quantity(1);
        e.limitPrice = price("100.00");
        change.accept(e);
        stage.onEvent(e, 0, true);
        return e;
    }

    private void passes(final Consumer<GatewayEvent> change)
    {
        final GatewayEvent e = check(change);
        assertThat(e.denyReason).as("%s %s value=%s bound=%s", e.denyReason, e.denyField, e.denyValue, e.denyBound)
            .isNull();
    }

    private void denied(final Consumer<GatewayEvent> change, final RejectReason reason, final DetailField field,
        final long value, final long bound)
    {
        final GatewayEvent e = check(change);
        assertThat(e.denyReason).isEqualTo(reason);
        assertThat(e.denyField).isEqualTo(field);
        assertThat(e.denyValue).as("value").isEqualTo(value);
        assertThat(e.denyBound).as("bound").isEqualTo(bound);
    }

    private void denied(final Consumer<GatewayEvent> change, final RejectReason reason, final DetailField field)
    {
        final GatewayEvent e = check(change);
        assertThat(e.denyReason).isEqualTo(reason);
        assertThat(e.denyField).isEqualTo(field);
    }

    @Test
    void requiredFieldsAndSymbol()
    {
        passes(e -> { });
        denied(e -> e.side = null, RejectReason.INVALID_ORDER, DetailField.SIDE);
        denied(e -> e.orderType = null, RejectReason.INVALID_ORDER, DetailField.ORDER_TYPE);
        denied(e -> e.timeInForce = null, RejectReason.INVALID_ORDER, DetailField.TIME_IN_FORCE);
        denied(e -> e.orderClass = null, RejectReason.INVALID_ORDER, DetailField.ORDER_CLASS);
        passes(e -> e.symbolId = 3);
        denied(e -> e.symbolId = 4, RejectReason.UNKNOWN_SYMBOL, DetailField.SYMBOL, 4, 4);
        denied(e -> e.symbolId = -1, RejectReason.UNKNOWN_SYMBOL, DetailField.SYMBOL, -1, 4);
        denied(e -> e.quantity = 0, RejectReason.INVALID_QUANTITY, DetailField.QUANTITY, 0, 0);
        denied(e -> e.quantity = Long.MIN_VALUE, RejectReason.INVALID_QUANTITY, DetailField.QUANTITY, Long.MIN_VALUE,
            0);
    }

    @Test
    void pricesPresentOrAbsentAsTheTypeRequires()
    {
        denied(e -> e.limitPrice = FixedPoint.NULL, RejectReason.INVALID_PRICE, DetailField.LIMIT_PRICE);
        denied(e -> e.limitPrice = 0, RejectReason.INVALID_PRICE, DetailField.LIMIT_PRICE, 0, 0);
        denied(e -> e.stopPrice = price("99"), RejectReason.INVALID_ORDER, DetailField.STOP_PRICE);
        passes(e -> { e.orderType = OrderType.MARKET; e.limitPrice = FixedPoint.NULL; });
        denied(e -> e.orderType = OrderType.MARKET, RejectReason.INVALID_ORDER, DetailField.LIMIT_PRICE);
        passes(e -> { e.orderType = OrderType.STOP; e.limitPrice = FixedPoint.NULL; e.stopPrice = price("99"); });
        passes(e -> { e.orderType = OrderType.STOP_LIMIT; e.stopPrice = price("99"); });
        denied(e -> e.orderType = OrderType.STOP_LIMIT, RejectReason.INVALID_PRICE, DetailField.STOP_PRICE);
        passes(e -> { e.orderType = OrderType.TRAILING_STOP; e.limitPrice = FixedPoint.NULL; e.trailPercent =
            price("1.5"); });
        passes(e -> { e.orderType = OrderType.TRAILING_STOP; e.limitPrice = FixedPoint.NULL; e.trailPrice =
            price("0.50"); });
        denied(e -> { e.orderType = OrderType.TRAILING_STOP; e.limitPrice = FixedPoint.NULL; },
            RejectReason.INVALID_ORDER, DetailField.TRAIL, 0, 1);
        denied(e -> { e.orderType = OrderType.TRAILING_STOP; e.limitPrice = FixedPoint.NULL; e.trailPrice =
            CENT; e.trailPercent = 1; }, RejectReason.INVALID_ORDER, DetailField.TRAIL, 2, 1);
        denied(e -> { e.orderType = OrderType.TRAILING_STOP; e.limitPrice = FixedPoint.NULL; e.trailPercent = -1; },
            RejectReason.INVALID_PRICE, DetailField.TRAIL, -1, 0);
        denied(e -> e.trailPrice = CENT, RejectReason.INVALID_ORDER, DetailField.TRAIL);
        passes(e -> { e.orderType = OrderType.TRAILING_STOP; e.limitPrice = FixedPoint.NULL; e.trailPercent =
            price("99.99999999"); });
        denied(e -> { e.orderType = OrderType.TRAILING_STOP; e.limitPrice = FixedPoint.NULL; e.trailPercent =
            price("100"); }, RejectReason.INVALID_PRICE, DetailField.TRAIL, price("100"), price("100"));
        // found by the hostile-order property test
        denied(e -> { e.orderType = OrderType.TRAILING_STOP; e.limitPrice = FixedPoint.NULL; e.trailPercent =
            Long.MAX_VALUE; }, RejectReason.INVALID_PRICE, DetailField.TRAIL, Long.MAX_VALUE, price("100"));
    }

    @Test
    void ticksAreCentsFromOneDollarAndHundredthsOfACentBelow()
    {
        passes(e -> e.limitPrice = price("187.25"));
        denied(e -> e.limitPrice = price("187.251"), RejectReason.INVALID_PRICE, DetailField.LIMIT_PRICE,
            price("187.251"), CENT);
        passes(e -> e.limitPrice = price("1.00"));
        denied(e -> e.limitPrice = price("1.001"), RejectReason.INVALID_PRICE, DetailField.LIMIT_PRICE, price("1.001"),
            CENT);
        passes(e -> { e.symbolId = PENNY; e.limitPrice = price("0.9999"); });
        denied(e -> { e.symbolId = PENNY; e.limitPrice = price("0.99995"); },
            RejectReason.INVALID_PRICE, DetailField.LIMIT_PRICE, price("0.99995"), CENT / 100);
        denied(e -> { e.orderType = OrderType.STOP; e.limitPrice = FixedPoint.NULL; e.stopPrice = price("99.999"); },
            RejectReason.INVALID_PRICE, DetailField.STOP_PRICE, price("99.999"), CENT);
    }

    @Test
    void quantityWithinTheInstrumentsBoundsAndOnItsLot()
    {
        passes(e -> e.quantity = quantity(1000));
        denied(e -> e.quantity = quantity(1001), RejectReason.INVALID_QUANTITY, DetailField.MAX_QUANTITY,
            quantity(1001), quantity(1000));
        passes(e -> e.quantity = quantity(1));
        denied(e -> e.quantity = quantity(1) - 1, RejectReason.INVALID_QUANTITY, DetailField.MIN_QUANTITY, quantity(1)
            - 1, quantity(1));
        denied(e -> e.quantity = quantity(1) + 1, RejectReason.INVALID_QUANTITY, DetailField.LOT_SIZE, quantity(1) + 1,
            quantity(1));
        passes(e -> { e.symbolId = FRACTIONAL; e.orderType = OrderType.MARKET; e.limitPrice =
            FixedPoint.NULL; e.quantity = 1; });
        denied(e -> { e.symbolId = FRACTIONAL; e.quantity = FixedPoint.parse("0.5", 9); },
            RejectReason.INVALID_QUANTITY, DetailField.FRACTIONAL, FixedPoint.parse("0.5", 9), quantity(1));
        denied(e -> { e.symbolId = FRACTIONAL; e.orderType = OrderType.MARKET; e.limitPrice = FixedPoint.NULL;
                e.timeInForce = TimeInForce.GTC; e.quantity = FixedPoint.parse("0.5", 9); },
            RejectReason.INVALID_QUANTITY, DetailField.FRACTIONAL);
    }

    @Test
    void bracketLegsLieOnTheRightSidesOfTheEntry()
    {
        final Consumer<GatewayEvent> buyBracket = e ->
            { e.orderClass = OrderClass.BRACKET; e.takeProfitLimitPrice = price("101");
            e.stopLossStopPrice = price("99"); };
        passes(buyBracket);
        denied(buyBracket.andThen(e -> e.takeProfitLimitPrice = price("100")),
            RejectReason.INVALID_PRICE, DetailField.TAKE_PROFIT, price("100"), price("100"));
        denied(buyBracket.andThen(e -> e.stopLossStopPrice = price("100")),
            RejectReason.INVALID_PRICE, DetailField.STOP_LOSS, price("100"), price("100"));
        denied(buyBracket.andThen(e -> { e.takeProfitLimitPrice = price("98"); }),
            RejectReason.INVALID_PRICE, DetailField.TAKE_PROFIT, price("98"), price("99"));
        passes(buyBracket.andThen(e -> e.stopLossLimitPrice = price("99")));
        denied(buyBracket.andThen(e -> e.stopLossLimitPrice = price("99.01")),
            RejectReason.INVALID_PRICE, DetailField.STOP_LOSS_LIMIT, price("99.01"), price("99"));
        denied(buyBracket.andThen(e -> e.takeProfitLimitPrice = FixedPoint.NULL), RejectReason.INVALID_ORDER,
            DetailField.TAKE_PROFIT);
        denied(buyBracket.andThen(e -> e.stopLossStopPrice = FixedPoint.NULL), RejectReason.INVALID_ORDER,
            DetailField.STOP_LOSS);
        denied(buyBracket.andThen(e -> e.timeInForce = TimeInForce.IOC), RejectReason.UNSUPPORTED_ORDER_TYPE,
            DetailField.TIME_IN_FORCE);
        denied(buyBracket.andThen(e ->
            { e.orderType = OrderType.STOP; e.limitPrice = FixedPoint.NULL; e.stopPrice = price("100"); }),
            RejectReason.UNSUPPORTED_ORDER_TYPE, DetailField.ORDER_TYPE);
        passes(e -> { e.side = Side.SELL; e.orderClass = OrderClass.BRACKET; e.takeProfitLimitPrice = price("99");
            e.stopLossStopPrice = price("101"); });
        denied(e -> { e.side = Side.SELL; e.orderClass = OrderClass.BRACKET; e.takeProfitLimitPrice = price("101");
            e.stopLossStopPrice = price("99"); }, RejectReason.INVALID_PRICE, DetailField.TAKE_PROFIT, price("101"),
                price("99"));
        passes(e -> { e.orderType = OrderType.MARKET; e.limitPrice = FixedPoint.NULL; e.orderClass = OrderClass.BRACKET;
            e.takeProfitLimitPrice = price("110"); e.stopLossStopPrice = price("90"); });
    }

    @Test
    void ocoAndOtoStructure()
    {
        passes(e -> { e.side = Side.SELL; e.orderClass = OrderClass.OCO; e.takeProfitLimitPrice =
            price("110"); e.stopLossStopPrice = price("90"); });
        denied(e -> { e.side = Side.SELL; e.orderClass = OrderClass.OCO; e.takeProfitLimitPrice =
            price("90"); e.stopLossStopPrice = price("110"); }, RejectReason.INVALID_PRICE, DetailField.TAKE_PROFIT,
            price("90"), price("110"));
        denied(e -> { e.orderType = OrderType.MARKET; e.limitPrice = FixedPoint.NULL; e.orderClass = OrderClass.OCO;
            e.takeProfitLimitPrice = price("90"); e.stopLossStopPrice = price("110"); },
                RejectReason.UNSUPPORTED_ORDER_TYPE, DetailField.ORDER_TYPE);
        denied(e -> { e.side = Side.SELL; e.orderClass = OrderClass.OCO; e.takeProfitLimitPrice = price("110"); },
            RejectReason.INVALID_ORDER, DetailField.STOP_LOSS);
        passes(e -> { e.orderClass = OrderClass.OTO; e.takeProfitLimitPrice = price("101"); });
        passes(e -> { e.orderClass = OrderClass.OTO; e.stopLossStopPrice = price("99"); });
        denied(e -> { e.orderClass = OrderClass.OTO; e.takeProfitLimitPrice = price("101"); e.stopLossStopPrice =
            price("99"); }, RejectReason.INVALID_ORDER, DetailField.TAKE_PROFIT, 2, 1);
        denied(e -> e.orderClass = OrderClass.OTO, RejectReason.INVALID_ORDER, DetailField.TAKE_PROFIT, 0, 1);
        denied(e -> e.takeProfitLimitPrice = price("101"), RejectReason.INVALID_ORDER, DetailField.TAKE_PROFIT);
        denied(e -> e.stopLossLimitPrice = price("98"), RejectReason.INVALID_ORDER, DetailField.STOP_LOSS);
        denied(e -> { e.orderType = OrderType.TRAILING_STOP; e.limitPrice = FixedPoint.NULL; e.trailPercent =
            1; e.orderClass = OrderClass.OTO; }, RejectReason.UNSUPPORTED_ORDER_TYPE, DetailField.ORDER_CLASS);
    }

    @Test
    void timeInForceAndExtendedHoursRules()
    {
        denied(e -> { e.orderType = OrderType.STOP; e.limitPrice = FixedPoint.NULL; e.stopPrice =
            price("99"); e.timeInForce = TimeInForce.IOC; }, RejectReason.UNSUPPORTED_ORDER_TYPE,
            DetailField.TIME_IN_FORCE);
        passes(e -> { e.orderType = OrderType.STOP; e.limitPrice = FixedPoint.NULL; e.stopPrice =
            price("99"); e.timeInForce = TimeInForce.GTC; });
        passes(e -> e.extendedHours = true);
        denied(e -> { e.extendedHours = true; e.timeInForce = TimeInForce.GTC; }, RejectReason.UNSUPPORTED_ORDER_TYPE,
            DetailField.ORDER_TYPE);
        denied(e -> { e.symbolId = STOCK; e.timeInForce = TimeInForce.OPG; }, RejectReason.UNSUPPORTED_ORDER_TYPE,
            DetailField.TIME_IN_FORCE);
    }

    @Test
    void regularSessionFromTheEventsTimeIncludingDaylightSavingHolidaysAndEarlyCloses()
    {
        final Consumer<GatewayEvent> nyseOrder = e -> e.symbolId = NYSE;
        passes(nyseOrder.andThen(e -> e.timestamp = newYork("2026-11-18T09:30:00")));
        final long beforeOpen = newYork("2026-11-18T09:30:00") - 1;
        denied(nyseOrder.andThen(e -> e.timestamp = beforeOpen), RejectReason.MARKET_CLOSED, DetailField.SESSION,
            beforeOpen, newYork("2026-11-18T09:30:00"));
        passes(nyseOrder.andThen(e -> e.timestamp = newYork("2026-11-18T16:00:00") - 1));
        final long close = newYork("2026-11-18T16:00:00");
        denied(nyseOrder.andThen(e -> e.timestamp = close), RejectReason.MARKET_CLOSED, DetailField.SESSION, close,
            newYork("2026-11-19T09:30:00"));
        // Extended hours: limit day orders flagged for it, 04:00 to 20:00.
        passes(nyseOrder.andThen(e -> { e.extendedHours = true; e.timestamp = close; }));
        passes(nyseOrder.andThen(e -> { e.extendedHours = true; e.timestamp = newYork("2026-11-18T04:00:00"); }));
        denied(nyseOrder.andThen(e -> { e.extendedHours = true; e.timestamp = newYork("2026-11-18T04:00:00") - 1; }),
            RejectReason.MARKET_CLOSED, DetailField.SESSION);
        denied(nyseOrder.andThen(e -> { e.extendedHours = true; e.timestamp = newYork("2026-11-18T20:00:00"); }),
            RejectReason.MARKET_CLOSED, DetailField.SESSION);
        // Weekend, Thanksgiving, and the early close the day after.
        denied(nyseOrder.andThen(e -> e.timestamp = newYork("2026-11-21T12:00:00")), RejectReason.MARKET_CLOSED,
            DetailField.SESSION, newYork("2026-11-21T12:00:00"), newYork("2026-11-23T09:30:00"));
        denied(nyseOrder.andThen(e -> e.timestamp = newYork("2026-11-26T12:00:00")), RejectReason.MARKET_CLOSED,
            DetailField.SESSION, newYork("2026-11-26T12:00:00"), newYork("2026-11-27T09:30:00"));
        passes(nyseOrder.andThen(e -> e.timestamp = newYork("2026-11-27T13:00:00") - 1));
        denied(nyseOrder.andThen(e -> e.timestamp = newYork("2026-11-27T13:00:00")), RejectReason.MARKET_CLOSED,
            DetailField.SESSION);
        passes(nyseOrder.andThen(e -> { e.extendedHours = true; e.timestamp = newYork("2026-11-27T17:00:00") - 1; }));
        denied(nyseOrder.andThen(e -> { e.extendedHours = true; e.timestamp = newYork("2026-11-27T17:00:00"); }),
            RejectReason.MARKET_CLOSED, DetailField.SESSION);
        // Daylight saving started 2026-03-08: 09:30 New York is 13:30 UTC, not 14:30.
        passes(nyseOrder.andThen(e -> e.timestamp = newYork("2026-03-09T09:30:00")));
        denied(nyseOrder.andThen(e -> e.timestamp = newYork("2026-03-09T09:29:59")), RejectReason.MARKET_CLOSED,
            DetailField.SESSION);
        // Good Friday 2027.
        denied(nyseOrder.andThen(e -> e.timestamp = newYork("2027-03-26T11:00:00")), RejectReason.MARKET_CLOSED,
            DetailField.SESSION);
    }

    @Test
    void auctionOrdersHaveCutOffs()
    {
        final Consumer<GatewayEvent> opg = e -> { e.symbolId = NYSE; e.timeInForce = TimeInForce.OPG; };
        passes(opg.andThen(e -> e.timestamp = newYork("2026-11-18T09:28:00") - 1));
        denied(opg.andThen(e -> e.timestamp = newYork("2026-11-18T09:28:00")), RejectReason.MARKET_CLOSED,
            DetailField.SESSION);
        passes(opg.andThen(e -> e.timestamp = newYork("2026-11-18T16:30:00"))); // for the next open
        final Consumer<GatewayEvent> cls = e -> { e.symbolId = NYSE; e.timeInForce = TimeInForce.CLS; };
        passes(cls.andThen(e -> e.timestamp = newYork("2026-11-18T15:50:00") - 1));
        denied(cls.andThen(e -> e.timestamp = newYork("2026-11-18T15:50:00")), RejectReason.MARKET_CLOSED,
            DetailField.SESSION);
    }
}
