package io.ordergateway.core.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientOrderIdsTest
{
    @Test
    void formatsAndParsesBackWithinFortyEightCharacters()
    {
        final ClientOrderIds ids = new ClientOrderIds("a".repeat(ClientOrderIds.MAX_INSTANCE_LENGTH));
        final byte[] bytes = new byte[ClientOrderIds.MAX_LENGTH];
        final int length = ids.format(Long.MAX_VALUE, bytes, 0);
        assertThat(length).isLessThanOrEqualTo(ClientOrderIds.MAX_LENGTH);
        final String text = new String(bytes, 0, length, StandardCharsets.US_ASCII);
        assertThat(text).isEqualTo(ids.toString(Long.MAX_VALUE));
        assertThat(ids.parse(text)).isEqualTo(Long.MAX_VALUE);

        final ClientOrderIds gw = new ClientOrderIds("gw1");
        assertThat(gw.format(0, bytes, 0)).isEqualTo(5);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("gw1-0");
        assertThat(gw.parse("gw1-1042")).isEqualTo(1042);
    }

    @Test
    void idsOfOtherInstancesOrMalformedOnesAreNotParsed()
    {
        final ClientOrderIds gw = new ClientOrderIds("gw1");
        assertThat(gw.parse("gw2-5")).isEqualTo(-1);
        assertThat(gw.parse("gw1-")).isEqualTo(-1);
        assertThat(gw.parse("gw1-12x")).isEqualTo(-1);
        assertThat(gw.parse("gw1-99999999999999999999")).isEqualTo(-1);
    }

    @Test
    void unusableInstanceIdsAreRefusedWithTheReason()
    {
        assertThatThrownBy(() -> new ClientOrderIds("")).hasMessageContaining("1 to 28");
        assertThatThrownBy(() -> new ClientOrderIds("gw-1")).hasMessageContaining("only ASCII letters");
    }
}
