package io.ordergateway.core.risk;

import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.state.AccountBook;
import io.ordergateway.core.state.Books;
import io.ordergateway.core.state.BooksAccess;
import io.ordergateway.journal.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every risk limit: just inside passes, just outside is denied with the limit, value and bound.
 */
class RiskStageTest
{
    private static final long REF = FixedPoint.parse("100", FixedPoint.PRICE_DECIMALS);
    private static final long CENT = FixedPoint.PRICE_SCALE / 100;

    private final Books books = new Books(4, 4, 1, new long[] {REF});
    private final AccountBook accounts = BooksAccess.accounts(books);
    private RiskStage stage = stage(RiskLimits.NONE);

    private RiskStage stage(final RiskLimits limits)
    {
        return new RiskStage(limits, new Instrument[] {Instrument.of("X").withReferencePrice(REF)}, books.view());
    }

    private static long price(final String text)
    {
        return FixedPoint.parse(text, FixedPoint.PRICE_DECIMALS);
    }

    private GatewayEvent check(final Consumer<GatewayEvent> change)
    {
        final GatewayEvent e = new GatewayEvent();
        e.reset();
        e.type = EventType.NEW_ORDER;
        e.accountId = 1;
        e.symbolId = 0;
        e.side = Side.BUY;
        e.orderType = OrderType.LIMIT;
        e.timeInForce = TimeInForce.DAY;
        e.orderClass = OrderClass.SIMPLE;
        e.quantity = quantity(10);
        e.limitPrice = REF;
        change.accept(e);
        stage.onEvent(e, 0, true);
        return e;
    }

    private void passes(final Consumer<GatewayEvent> change)
    {
        final GatewayEvent e = check(change);
        assertThat(e.denyReason).as("%s %s %s %s", e.denyReason, e.denyField, e.denyValue, e.denyBound).isNull();
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

    private void control(final TradingControl control, final int account, final boolean on)
    {
        final GatewayEvent e = new GatewayEvent();
        e.reset();
        e.type = EventType.CONTROL;
        e.control = control;
        e.accountId = account;
        e.controlEngaged = on;
        stage.onEvent(e, 0, true);
    }

    @Test
    void maxOrderQuantity()
    {
        stage = stage(new RiskLimits(quantity(100), 0, 0, 0, 0, 0));
        passes(e -> e.quantity = quantity(100));
        denied(e -> e.quantity = quantity(100) + 1, RejectReason.RISK_LIMIT, DetailField.MAX_ORDER_QUANTITY,
            quantity(100) + 1, quantity(100));
    }

    @Test
    void maxOrderNotionalAtTheLimitPriceOrForMarketOrdersTheReferencePrice()
    {
        final long max = price("1000"); // $1,000
        stage = stage(new RiskLimits(0, max, 0, 0, 0, 0));
        passes(e -> e.quantity = quantity(10)); // 10 x $100
        denied(e -> e.limitPrice = REF + CENT, RejectReason.RISK_LIMIT, DetailField.MAX_ORDER_NOTIONAL,
        price("1000.10"), max);
        passes(e -> { e.orderType = OrderType.MARKET; e.limitPrice = FixedPoint.NULL; });
        denied(e -> { e.orderType = OrderType.MARKET; e.limitPrice = FixedPoint.NULL; e.quantity = quantity(11); },
            RejectReason.RISK_LIMIT, DetailField.MAX_ORDER_NOTIONAL, price("1100"), max);
    }

    @Test
    void priceBandAroundTheReferencePrice()
    {
        stage = stage(new RiskLimits(0, 0, 500, 0, 0, 0)); // 5%
        passes(e -> e.limitPrice = price("105"));
        denied(e -> e.limitPrice = price("105.01"), RejectReason.RISK_LIMIT, DetailField.PRICE_BAND, price("105.01"),
            price("105"));
        passes(e -> e.limitPrice = price("95"));
        denied(e -> e.limitPrice = price("94.99"), RejectReason.RISK_LIMIT, DetailField.PRICE_BAND, price("94.99"),
            price("95"));
        denied(e -> { e.orderType = OrderType.STOP; e.limitPrice = FixedPoint.NULL; e.stopPrice = price("200"); },
            RejectReason.RISK_LIMIT, DetailField.PRICE_BAND, price("200"), price("105"));
    }

    @Test
    void maxPositionCountsOpenOrdersOnTheSameSide()
    {
        stage = stage(new RiskLimits(0, 0, 0, quantity(100), 0, 0));
        accounts.opened(1, 0, Side.BUY, quantity(50));
        accounts.changed(1, 0, Side.BUY, -quantity(50), quantity(50), true); // filled: long 50
        accounts.opened(1, 0, Side.BUY, quantity(20)); // 20 more working
        passes(e -> e.quantity = quantity(30));
        denied(e -> e.quantity = quantity(31), RejectReason.RISK_LIMIT, DetailField.MAX_POSITION, quantity(101),
            quantity(100));
        // Selling: long 50 now, so 150 may be sold before the short reaches 100.
        passes(e -> { e.side = Side.SELL; e.quantity = quantity(150); });
        denied(e -> { e.side = Side.SELL; e.quantity = quantity(151); }, RejectReason.RISK_LIMIT,
            DetailField.MAX_POSITION, quantity(101), quantity(100));
    }

    @Test
    void maxOpenOrders()
    {
        stage = stage(new RiskLimits(0, 0, 0, 0, 0, 3));
        accounts.opened(1, 0, Side.BUY, quantity(1));
        accounts.opened(1, 0, Side.BUY, quantity(1));
        passes(e -> { });
        accounts.opened(1, 0, Side.BUY, quantity(1));
        denied(e -> { }, RejectReason.RISK_LIMIT, DetailField.MAX_OPEN_ORDERS, 4, 3);
        passes(e -> e.accountId = 2); // per account
    }

    @Test
    void grossExposureCountsPositionsAndOpenOrdersAtReferencePrices()
    {
        final long max = price("10000");
        stage = stage(new RiskLimits(0, 0, 0, 0, max, 0));
        accounts.opened(1, 0, Side.SELL, quantity(40)); // $4,000 working
        passes(e -> e.quantity = quantity(60)); // + $6,000 = $10,000
        denied(e -> e.quantity = quantity(61), RejectReason.RISK_LIMIT, DetailField.MAX_GROSS_EXPOSURE, price("10100"),
        max);
    }

    @Test
    void killSwitchPerAccountAndForAll()
    {
        control(TradingControl.KILL_SWITCH, 1, true);
        denied(e -> { }, RejectReason.KILL_SWITCH, DetailField.ACCOUNT, 1, 0);
        passes(e -> e.accountId = 2);
        control(TradingControl.KILL_SWITCH, -1, true);
        denied(e -> e.accountId = 2, RejectReason.KILL_SWITCH, DetailField.ACCOUNT, -1, 0);
        control(TradingControl.KILL_SWITCH, -1, false);
        control(TradingControl.KILL_SWITCH, 1, false);
        passes(e -> { });
    }

    @Test
    void reduceOnlyLetsThroughWhatShrinksThePositionAndNoMore()
    {
        accounts.opened(1, 0, Side.BUY, quantity(100));
        accounts.changed(1, 0, Side.BUY, -quantity(100), quantity(100), true); // long 100
        accounts.opened(1, 0, Side.SELL, quantity(30)); // 30 already being sold
        control(TradingControl.REDUCE_ONLY, 1, true);
        passes(e -> { e.side = Side.SELL; e.quantity = quantity(70); });
        denied(e -> { e.side = Side.SELL; e.quantity = quantity(71); }, RejectReason.RISK_LIMIT,
            DetailField.REDUCE_ONLY, quantity(100), quantity(70));
        denied(e -> e.quantity = quantity(1), RejectReason.RISK_LIMIT, DetailField.REDUCE_ONLY, quantity(100), 0);
        control(TradingControl.REDUCE_ONLY, 1, false);
        passes(e -> e.quantity = quantity(1));
    }
}
