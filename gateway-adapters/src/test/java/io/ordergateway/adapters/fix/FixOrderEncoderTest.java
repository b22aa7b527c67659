package io.ordergateway.adapters.fix;

import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the adapter writes: the fields of each order message, decimals in their shortest form, FIX 4.2's
 * BeginString on a 4.2 session, and no allocation per message.
 */
class FixOrderEncoderTest
{
    private final FixClOrdIds clOrdIds = new FixClOrdIds(new ClientOrderIds("gw"));
    private final SymbolTable symbols = new SymbolTable(java.util.List.of("AAPL", "MSFT"));
    private final MutableAsciiBuffer out = new MutableAsciiBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect(1024)));

    private FixOrder order()
    {
        final FixOrder o = new FixOrder();
        o.reset(42);
        o.symbolId = 1;
        o.side = Side.SELL;
        o.type = OrderType.STOP_LIMIT;
        o.timeInForce = TimeInForce.IOC;
        o.quantity = 12_500_000_000L; // 12.5
        o.limitPrice = 41_050_000_000L; // 410.5
        o.stopPrice = 41_100_000_000L;
        return o;
    }

    private final uk.co.real_logic.artio.fields.UtcTimestampEncoder sendingTime =
        new uk.co.real_logic.artio.fields.UtcTimestampEncoder();

    /** What the session adds before it sends. */
    private Encoder session(final Encoder encoder)
    {
        final io.ordergateway.adapters.fix.codec.builder.HeaderEncoder header =
            (io.ordergateway.adapters.fix.codec.builder.HeaderEncoder)encoder.header();
        header.senderCompID("GATEWAY").targetCompID("SIM").msgSeqNum(7)
            .sendingTime(sendingTime.buffer(), sendingTime.encode(0));
        return encoder;
    }

    private String text(final Encoder encoder)
    {
        final long result = session(encoder).encode(out, 0);
        return out.getAscii(Encoder.offset(result), Encoder.length(result)).replace('\u0001', '|');
    }

    @Test
    void aNewOrderCarriesEveryFieldInItsShortestForm()
    {
        final FixOrderEncoder encoder = new FixOrderEncoder(clOrdIds, symbols, "ACC1", FixConfig.FIX44);
        final String m = text(encoder.newOrder(order(), 1_700_000_000_000L));
        assertThat(m).startsWith("8=FIX.4.4|").contains("|35=D|", "|11=gw-42|", "|1=ACC1|", "|21=1|", "|55=MSFT|",
            "|54=2|", "|38=12.5|", "|40=4|", "|44=410.5|", "|99=411|", "|59=3|", "|60=20231114-22:13:20.000|");
    }

    @Test
    void aCancelNamesTheCurrentAndTheNewClOrdId()
    {
        final FixOrderEncoder encoder = new FixOrderEncoder(clOrdIds, symbols, null, FixConfig.FIX42);
        final FixOrder o = order();
        o.currentRequest = 1;
        o.lastRequest = 2;
        final String m = text(encoder.cancel(o, 0));
        assertThat(m).startsWith("8=FIX.4.2|").contains("|35=F|", "|41=gw-42:1|", "|11=gw-42:2|", "|55=MSFT|",
            "|54=2|", "|38=12.5|").doesNotContain("|1=");
    }

    @Test
    void aReplaceCarriesTheNewValues()
    {
        final FixOrderEncoder encoder = new FixOrderEncoder(clOrdIds, symbols, null, FixConfig.FIX44);
        final FixOrder o = order();
        o.type = OrderType.LIMIT;
        o.lastRequest = 1;
        o.pendingQuantity = 20 * FixedPoint.QUANTITY_SCALE;
        o.pendingLimit = 40_000_000_000L;
        o.pendingStop = FixedPoint.NULL;
        final String m = text(encoder.replace(o, 0));
        assertThat(m).contains("|35=G|", "|41=gw-42|", "|11=gw-42:1|", "|38=20|", "|40=2|", "|44=400|")
            .doesNotContain("|99=");
    }

    @Test
    void encodingAllocatesNothing()
    {
        final FixOrderEncoder encoder = new FixOrderEncoder(clOrdIds, symbols, "ACC1", FixConfig.FIX44);
        final FixOrder o = order();
        for (int i = 0; i < 20_000; i++) // warm up: the JIT, and the encoders' buffers grown once
        {
            session(encoder.newOrder(o, i)).encode(out, 0);
            session(encoder.cancel(o, i)).encode(out, 0);
        }
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++)
        {
            o.orderId = i;
            session(encoder.newOrder(o, i)).encode(out, 0);
            session(encoder.cancel(o, i)).encode(out, 0);
        }
        // 20,000 messages: one object each would be 320 KB at least; what is left (about 1.4 KB here) is one-off
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(16_384);
    }
}
