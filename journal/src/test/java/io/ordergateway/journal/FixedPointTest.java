package io.ordergateway.journal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixedPointTest
{
    @Test
    void parsesAndFormatsDecimalsExactly()
    {
        assertThat(FixedPoint.parse("187.25", FixedPoint.PRICE_DECIMALS)).isEqualTo(18_725_000_000L);
        assertThat(FixedPoint.parse("0.000000001", FixedPoint.QUANTITY_DECIMALS)).isEqualTo(1);
        assertThat(FixedPoint.parse("-3", FixedPoint.QUANTITY_DECIMALS)).isEqualTo(-3_000_000_000L);
        assertThat(FixedPoint.formatPrice(18_725_000_000L)).isEqualTo("187.25");
        assertThat(FixedPoint.formatPrice(5_000_001L)).isEqualTo("0.05000001");
        assertThat(FixedPoint.formatPrice(-100_000_000L)).isEqualTo("-1.00");
        assertThat(FixedPoint.formatQuantity(1)).isEqualTo("0.000000001");
        assertThat(FixedPoint.formatQuantity(100_000_000_000L)).isEqualTo("100");
        assertThat(FixedPoint.formatQuantity(FixedPoint.NULL)).isEqualTo("-");
    }

    @Test
    void badDecimalsAreRefusedSayingWhy()
    {
        assertThatThrownBy(() -> FixedPoint.parse("1.123456789", FixedPoint.PRICE_DECIMALS))
            .hasMessageContaining("more than 8 decimal places");
        assertThatThrownBy(() -> FixedPoint.parse("12a", 8)).hasMessageContaining("not a decimal number");
        assertThatThrownBy(() -> FixedPoint.parse("1.2.3", 8)).hasMessageContaining("two decimal points");
        assertThatThrownBy(() -> FixedPoint.parse("99999999999999", 8)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> FixedPoint.parse("", 8)).hasMessageContaining("empty");
        assertThatThrownBy(() -> FixedPoint.parse("-", 8)).hasMessageContaining("not a decimal number");
    }
}
