package io.ordergateway.core.state;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderBookTest
{
    @Test
    void finishedOrdersStayFindableUntilEnoughOthersFinishThenTheirRecordsAreReused()
    {
        final OrderBook book = new OrderBook(2, 2);
        final OrderRecord first = book.create(1);
        book.create(2);
        book.create(3);
        assertThat(book.openCount()).isEqualTo(3);
        book.finished(book.get(1));
        book.finished(book.get(2));
        assertThat(book.get(1)).isSameAs(first);
        book.finished(book.get(3)); // third to finish: order 1 is retired
        assertThat(book.get(1)).isNull();
        assertThat(book.get(2)).isNotNull();
        assertThat(book.openCount()).isZero();
    }
}
