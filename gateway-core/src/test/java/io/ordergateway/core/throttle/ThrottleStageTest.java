package io.ordergateway.core.throttle;

import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.RejectReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottleStageTest
{
    private static final long MS = 1_000_000L;

    private static GatewayEvent order(final int account, final int strategy, final int symbol, final long time)
    {
        final GatewayEvent e = new GatewayEvent();
        e.reset();
        e.type = EventType.NEW_ORDER;
        e.accountId = account;
        e.strategyId = strategy;
        e.symbolId = symbol;
        e.timestamp = time;
        return e;
    }

    @Test
    void accountBucketLetsTheBurstThroughThenSaysWhenTheNextTokenIsBack()
    {
        final ThrottleStage stage = new ThrottleStage(new BucketSet(10, 2), new BucketSet(0, 1), new BucketSet(0, 1));
        final long t = 1_000 * MS;
        for (int i = 0; i < 2; i++)
        {
            final GatewayEvent ok = order(1, 1, 0, t);
            stage.onEvent(ok, 0, true);
            assertThat(ok.isDenied()).isFalse();
        }
        final GatewayEvent third = order(1, 1, 0, t);
        stage.onEvent(third, 0, true);
        assertThat(third.denyReason).isEqualTo(RejectReason.RATE_LIMITED);
        assertThat(third.denyField).isEqualTo(DetailField.RATE);
        assertThat(third.denyValue).isEqualTo(100 * MS);
        assertThat(third.denyBound).isEqualTo(10);
        final GatewayEvent justBefore = order(1, 1, 0, t + 100 * MS - 1);
        stage.onEvent(justBefore, 0, true);
        assertThat(justBefore.denyValue).isEqualTo(1);
        final GatewayEvent onTime = order(1, 1, 0, t + 100 * MS);
        stage.onEvent(onTime, 0, true);
        assertThat(onTime.isDenied()).isFalse();
        final GatewayEvent otherAccount = order(2, 1, 0, t);
        stage.onEvent(otherAccount, 0, true);
        assertThat(otherAccount.isDenied()).isFalse();
    }

    @Test
    void anOrderDeniedByOneBucketTakesNoTokenFromTheOthers()
    {
        final ThrottleStage stage = new ThrottleStage(new BucketSet(1, 2), new BucketSet(1, 1), new BucketSet(1, 5));
        final GatewayEvent first = order(1, 7, 3, 0);
        stage.onEvent(first, 0, true);
        assertThat(first.isDenied()).isFalse();
        final GatewayEvent sameStrategy = order(1, 7, 3, 0);
        stage.onEvent(sameStrategy, 0, true);
        assertThat(sameStrategy.denyField).isEqualTo(DetailField.STRATEGY_RATE);
        final GatewayEvent otherStrategy = order(1, 8, 3, 0); // the account's second token is still there
        stage.onEvent(otherStrategy, 0, true);
        assertThat(otherStrategy.isDenied()).isFalse();
        final GatewayEvent symbolStillFull = order(2, 9, 3, 0);
        stage.onEvent(symbolStillFull, 0, true);
        assertThat(symbolStillFull.isDenied()).isFalse();
    }

    @Test
    void symbolBucket()
    {
        final ThrottleStage stage = new ThrottleStage(new BucketSet(0, 1), new BucketSet(0, 1), new BucketSet(1, 1));
        final GatewayEvent first = order(1, 1, 3, 0);
        stage.onEvent(first, 0, true);
        final GatewayEvent second = order(2, 2, 3, 0);
        stage.onEvent(second, 0, true);
        assertThat(first.isDenied()).isFalse();
        assertThat(second.denyField).isEqualTo(DetailField.SYMBOL_RATE);
        assertThat(second.denyValue).isEqualTo(1_000 * MS);
    }
}
