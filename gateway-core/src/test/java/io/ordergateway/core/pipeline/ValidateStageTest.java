package io.ordergateway.core.pipeline;

import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateStageTest
{
    private final ValidateStage stage = new ValidateStage(new SymbolTable(List.of("AAPL")));

    private GatewayEvent check(final Consumer<GatewayEvent> change)
    {
        final GatewayEvent e = new GatewayEvent();
        e.reset();
        e.type = EventType.NEW_ORDER;
        e.symbolId = 0;
        e.side = Side.BUY;
        e.orderType = OrderType.LIMIT;
        e.timeInForce = TimeInForce.DAY;
        e.orderClass = OrderClass.SIMPLE;
        e.quantity = FixedPoint.quantity(1);
        e.limitPrice = FixedPoint.priceFromCents(100);
        change.accept(e);
        stage.onEvent(e, 0, true);
        return e;
    }

    private void assertDenied(final Consumer<GatewayEvent> change, final RejectReason reason, final DetailField field)
    {
        final GatewayEvent e = check(change);
        assertThat(e.denyReason).isEqualTo(reason);
        assertThat(e.denyField).isEqualTo(field);
    }

    @Test
    void aWellFormedOrderPasses()
    {
        assertThat(check(e -> { }).isDenied()).isFalse();
        assertThat(check(e -> { e.orderType = OrderType.MARKET; e.limitPrice = FixedPoint.NULL; e.timeInForce = TimeInForce.OPG; })
            .isDenied()).isFalse();
        assertThat(check(e -> { e.orderType = OrderType.TRAILING_STOP; e.limitPrice = FixedPoint.NULL; e.trailPercent = 1; })
            .isDenied()).isFalse();
    }

    @Test
    void eachStructuralRuleDeniesWithTheFieldAtFault()
    {
        assertDenied(e -> e.symbolId = 1, RejectReason.UNKNOWN_SYMBOL, DetailField.SYMBOL);
        assertDenied(e -> e.symbolId = -1, RejectReason.UNKNOWN_SYMBOL, DetailField.SYMBOL);
        assertDenied(e -> e.quantity = 0, RejectReason.INVALID_QUANTITY, DetailField.QUANTITY);
        assertDenied(e -> e.quantity = Long.MIN_VALUE, RejectReason.INVALID_QUANTITY, DetailField.QUANTITY);
        assertDenied(e -> e.side = null, RejectReason.INVALID_ORDER, DetailField.SIDE);
        assertDenied(e -> e.orderType = null, RejectReason.INVALID_ORDER, DetailField.ORDER_TYPE);
        assertDenied(e -> e.timeInForce = null, RejectReason.INVALID_ORDER, DetailField.TIME_IN_FORCE);
        assertDenied(e -> e.orderClass = null, RejectReason.INVALID_ORDER, DetailField.ORDER_CLASS);
        assertDenied(e -> e.limitPrice = FixedPoint.NULL, RejectReason.INVALID_PRICE, DetailField.LIMIT_PRICE);
        assertDenied(e -> e.limitPrice = 0, RejectReason.INVALID_PRICE, DetailField.LIMIT_PRICE);
        assertDenied(e -> e.stopPrice = 5, RejectReason.INVALID_ORDER, DetailField.STOP_PRICE);
        assertDenied(e -> { e.orderType = OrderType.MARKET; }, RejectReason.INVALID_ORDER, DetailField.LIMIT_PRICE);
        assertDenied(e -> { e.orderType = OrderType.STOP_LIMIT; }, RejectReason.INVALID_PRICE, DetailField.STOP_PRICE);
        assertDenied(e -> { e.orderType = OrderType.TRAILING_STOP; e.limitPrice = FixedPoint.NULL; },
            RejectReason.INVALID_ORDER, DetailField.TRAIL);
        assertDenied(e -> { e.orderType = OrderType.TRAILING_STOP; e.limitPrice = FixedPoint.NULL; e.trailPrice = 1; e.trailPercent = 1; },
            RejectReason.INVALID_ORDER, DetailField.TRAIL);
        assertDenied(e -> e.trailPrice = 1, RejectReason.INVALID_ORDER, DetailField.TRAIL);
        assertDenied(e -> { e.orderType = OrderType.STOP; e.limitPrice = FixedPoint.NULL; e.stopPrice = 5; e.timeInForce = TimeInForce.IOC; },
            RejectReason.UNSUPPORTED_ORDER_TYPE, DetailField.TIME_IN_FORCE);
        assertDenied(e -> e.orderClass = OrderClass.BRACKET, RejectReason.UNSUPPORTED_ORDER_TYPE, DetailField.ORDER_CLASS);
        assertDenied(e -> { e.extendedHours = true; e.timeInForce = TimeInForce.GTC; },
            RejectReason.UNSUPPORTED_ORDER_TYPE, DetailField.ORDER_TYPE);
    }
}
