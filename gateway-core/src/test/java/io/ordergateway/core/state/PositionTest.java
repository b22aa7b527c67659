package io.ordergateway.core.state;

import io.ordergateway.core.domain.Side;
import org.junit.jupiter.api.Test;

import static io.ordergateway.journal.FixedPoint.priceFromCents;
import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

class PositionTest
{
    @Test
    void buysAverageTheirPrices()
    {
        final Position p = new Position();
        p.apply(Side.BUY, quantity(100), priceFromCents(10_000));
        p.apply(Side.BUY, quantity(300), priceFromCents(10_400));
        assertThat(p.quantity()).isEqualTo(quantity(400));
        assertThat(p.averagePrice()).isEqualTo(priceFromCents(10_300)); // (100*100 + 300*104) / 400
        assertThat(p.realisedPnl()).isZero();
    }

    @Test
    void sellingPartOfALongRealisesAgainstTheAverageAndKeepsIt()
    {
        final Position p = new Position();
        p.apply(Side.BUY, quantity(100), priceFromCents(10_000));
        p.apply(Side.SELL, quantity(40), priceFromCents(10_250));
        assertThat(p.quantity()).isEqualTo(quantity(60));
        assertThat(p.averagePrice()).isEqualTo(priceFromCents(10_000));
        assertThat(p.realisedPnl()).isEqualTo(priceFromCents(40 * 250)); // $100
    }

    @Test
    void aShortGainsWhenBoughtBackLower()
    {
        final Position p = new Position();
        p.apply(Side.SELL, quantity(10), priceFromCents(5_000));
        p.apply(Side.BUY, quantity(10), priceFromCents(4_900));
        assertThat(p.quantity()).isZero();
        assertThat(p.averagePrice()).isZero();
        assertThat(p.realisedPnl()).isEqualTo(priceFromCents(1_000)); // $10
    }

    @Test
    void aFillLargerThanThePositionFlipsItAtTheFillPrice()
    {
        final Position p = new Position();
        p.apply(Side.BUY, quantity(10), priceFromCents(2_000));
        p.apply(Side.SELL, quantity(25), priceFromCents(2_100));
        assertThat(p.quantity()).isEqualTo(-quantity(15));
        assertThat(p.averagePrice()).isEqualTo(priceFromCents(2_100));
        assertThat(p.realisedPnl()).isEqualTo(priceFromCents(1_000)); // 10 * $1
        assertThat(p.boughtQuantity()).isEqualTo(quantity(10));
        assertThat(p.soldQuantity()).isEqualTo(quantity(25));
    }

    @Test
    void fractionalQuantitiesAreExact()
    {
        final Position p = new Position();
        p.apply(Side.BUY, 1, priceFromCents(100_000_00)); // one billionth of a share at $100,000
        p.apply(Side.BUY, 1, priceFromCents(100_000_00));
        assertThat(p.quantity()).isEqualTo(2);
        assertThat(p.averagePrice()).isEqualTo(priceFromCents(100_000_00));
    }
}
