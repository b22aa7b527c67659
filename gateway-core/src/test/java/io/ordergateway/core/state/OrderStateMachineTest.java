package io.ordergateway.core.state;

import io.ordergateway.core.domain.OrderState;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every (state, event) pair: the legal ones lead where the design says, every other one is illegal.
 * The expected table is written out here independently of the production table.
 */
class OrderStateMachineTest
{
    private static final String EXPECTED = """
        PENDING_NEW      ACK               NEW
        PENDING_NEW      REJECT            REJECTED
        PENDING_NEW      PARTIAL_FILL      PARTIALLY_FILLED
        PENDING_NEW      FILL              FILLED
        PENDING_NEW      CANCEL_REQUEST    PENDING_CANCEL
        PENDING_NEW      CANCEL_CONFIRMED  CANCELED
        PENDING_NEW      EXPIRE            EXPIRED
        PENDING_NEW      TIMEOUT           UNKNOWN
        NEW              REJECT            REJECTED
        NEW              PARTIAL_FILL      PARTIALLY_FILLED
        NEW              FILL              FILLED
        NEW              CANCEL_REQUEST    PENDING_CANCEL
        NEW              CANCEL_CONFIRMED  CANCELED
        NEW              REPLACE_REQUEST   PENDING_REPLACE
        NEW              EXPIRE            EXPIRED
        PARTIALLY_FILLED ACK               PARTIALLY_FILLED
        PARTIALLY_FILLED PARTIAL_FILL      PARTIALLY_FILLED
        PARTIALLY_FILLED FILL              FILLED
        PARTIALLY_FILLED CANCEL_REQUEST    PENDING_CANCEL
        PARTIALLY_FILLED CANCEL_CONFIRMED  CANCELED
        PARTIALLY_FILLED REPLACE_REQUEST   PENDING_REPLACE
        PARTIALLY_FILLED EXPIRE            EXPIRED
        PENDING_CANCEL   ACK               PENDING_CANCEL
        PENDING_CANCEL   REJECT            REJECTED
        PENDING_CANCEL   PARTIAL_FILL      PENDING_CANCEL
        PENDING_CANCEL   FILL              FILLED
        PENDING_CANCEL   CANCEL_CONFIRMED  CANCELED
        PENDING_CANCEL   CANCEL_REJECTED   RESTORE
        PENDING_CANCEL   EXPIRE            EXPIRED
        PENDING_REPLACE  PARTIAL_FILL      PENDING_REPLACE
        PENDING_REPLACE  FILL              FILLED
        PENDING_REPLACE  REPLACE_CONFIRMED REPLACED
        PENDING_REPLACE  REPLACE_REJECTED  RESTORE
        PENDING_REPLACE  CANCEL_CONFIRMED  CANCELED
        PENDING_REPLACE  EXPIRE            EXPIRED
        REPLACED         PARTIAL_FILL      PARTIALLY_FILLED
        REPLACED         FILL              FILLED
        REPLACED         CANCEL_REQUEST    PENDING_CANCEL
        REPLACED         CANCEL_CONFIRMED  CANCELED
        REPLACED         REPLACE_REQUEST   PENDING_REPLACE
        REPLACED         EXPIRE            EXPIRED
        UNKNOWN          ACK               NEW
        UNKNOWN          REJECT            REJECTED
        UNKNOWN          PARTIAL_FILL      PARTIALLY_FILLED
        UNKNOWN          FILL              FILLED
        UNKNOWN          CANCEL_CONFIRMED  CANCELED
        UNKNOWN          EXPIRE            EXPIRED
        """;

    @Test
    void everyPairIsLegalExactlyWhenTheDesignSaysSoAndLeadsWhereItSays()
    {
        final Map<String, String> expected = new HashMap<>();
        EXPECTED.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(line ->
        {
            final String[] parts = line.split("\\s+");
            expected.put(parts[0] + " " + parts[1], parts[2]);
        });
        int legal = 0;
        int illegal = 0;
        for (final OrderState state : OrderState.values())
        {
            for (final OrderEvent event : OrderEvent.values())
            {
                final String next = expected.get(state + " " + event);
                if (next == null)
                {
                    assertThat(OrderStateMachine.isLegal(state, event)).as("%s in %s must be illegal", event, state)
                        .isFalse();
                    assertThatThrownBy(() -> OrderStateMachine.next(state, event))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(state.name()).hasMessageContaining(event.name());
                    illegal++;
                }
                else
                {
                    assertThat(OrderStateMachine.isLegal(state, event)).as("%s in %s must be legal", event, state)
                        .isTrue();
                    final OrderState actual = OrderStateMachine.next(state, event);
                    assertThat(actual == OrderStateMachine.RESTORE ? "RESTORE" : actual.name())
                        .as("%s in %s", event, state).isEqualTo(next);
                    legal++;
                }
            }
        }
        assertThat(legal).isEqualTo(expected.size());
        assertThat(legal + illegal).isEqualTo(OrderState.values().length * OrderEvent.values().length);
    }

    @Test
    void terminalStatesAcceptNothing()
    {
        for (final OrderState state : OrderState.values())
        {
            if (state.isTerminal())
            {
                for (final OrderEvent event : OrderEvent.values())
                {
                    assertThat(OrderStateMachine.isLegal(state, event)).as("%s in terminal %s", event, state).isFalse();
                }
            }
        }
    }

    @Test
    void refusedCancelReturnsToTheStateBeforeItMovedOnByFills()
    {
        final OrderBook book = new OrderBook(4, 4);
        final OrderRecord r = book.create(1);
        r.open(1, 1, 0, 0, io.ordergateway.core.domain.Side.BUY, io.ordergateway.core.domain.OrderType.LIMIT,
            io.ordergateway.core.domain.TimeInForce.DAY, io.ordergateway.core.domain.OrderClass.SIMPLE, 100, 1,
            Long.MIN_VALUE, 0);
        r.enterPending(OrderState.PENDING_CANCEL);
        assertThat(r.restoredState()).isEqualTo(OrderState.PENDING_NEW);
        r.acknowledge(7);
        assertThat(r.restoredState()).isEqualTo(OrderState.NEW);
        r.addFill(10, 10);
        assertThat(r.restoredState()).isEqualTo(OrderState.PARTIALLY_FILLED);
    }
}
