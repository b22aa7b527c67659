package io.ordergateway.adapters.sim;

import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.routing.RoutingPolicy;
import io.ordergateway.core.testing.ReportCollector;
import io.ordergateway.journal.IssuedOrderIds;
import io.ordergateway.journal.JournalException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Fail-closed start: a gateway never starts on a journal it cannot read to the end, nor on one that
 * lost its end, because it could issue an order id it has already sent; an intact journal restarts
 * and continues its ids.
 */
class DamagedJournalRestartTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final long AAPL = 18_725_000_000L;

    @TempDir
    Path journal;

    private final SimBroker broker =
        new SimBroker(SimBrokerConfig.defaults("sim").withReferencePrices(Map.of("AAPL", AAPL))
        .withLatency(0, 0).withPriceMoves(0, 0).withSeed(3));

    private OrderGateway gateway()
    {
        return OrderGateway.builder().symbols("AAPL").broker(broker).routing(RoutingPolicy.PRIMARY_ONLY)
            .journalDirectory(journal)
            .onUnexplainedDifferences(false).build();
    }

    private long trade(final int orders)
    {
        final NewOrder order = new NewOrder();
        try (OrderGateway gateway = gateway())
        {
            final ReportCollector reports = new ReportCollector(gateway);
            for (int i = 0; i < orders; i++)
            {
                assertThat(gateway.submit(order.reset().account(1).symbol(0).side(Side.BUY).type(OrderType.MARKET)
                    .quantity(quantity(1)))).isEqualTo(SubmitResult.ACCEPTED);
                reports.awaitFinal(order.orderId(), TIMEOUT);
            }
        }
        return order.orderId();
    }

    private Path cycleFile() throws IOException
    {
        try (Stream<Path> files = Files.list(journal))
        {
            return files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    @Test
    void anIntactJournalRestartsAndItsIdsContinue()
    {
        final long last = trade(5);
        assertThat(IssuedOrderIds.read(journal)).as("the mark is at or above every id issued")
            .isGreaterThanOrEqualTo(last);
        assertThat(trade(1)).isEqualTo(last + 1);
    }

    @Test
    void aDamagedJournalStopsTheStartWithTheReasonAndWhatToDo() throws IOException
    {
        trade(5);
        final Path file = cycleFile();
        final byte[] bytes = Files.readAllBytes(file);
        int marker = -1;
        for (int i = bytes.length - 8; i > 0 && marker < 0; i--)
        {
            if (bytes[i] == 'A' && bytes[i + 1] == 'A' && bytes[i + 2] == 'P' && bytes[i + 3] == 'L')
            {
                marker = i; // the last order's symbol name
            }
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw"))
        {
            f.seek(marker);
            f.write('X');
        }
        final JournalException ex = catchThrowableOfType(JournalException.class, this::gateway);
        assertThat(ex).isNotNull();
        assertThat(ex.getMessage()).contains("will not start on a journal it cannot read to the end")
            .contains("checksum")
            .contains("journal verify");
    }

    @Test
    void aJournalThatLostItsEndStopsTheStartBecauseItsIdsMayBeAtABroker()
    {
        trade(3);
        try (IssuedOrderIds ids = new IssuedOrderIds(journal))
        {
            ids.issuing(5_000); // as if ids up to 5,000 had been journaled in a part that is gone now
        }
        final JournalException ex = catchThrowableOfType(JournalException.class, this::gateway);
        assertThat(ex).isNotNull();
        assertThat(ex.getMessage()).contains("ends at order id 3").contains("part of the journal is missing");
    }

    @Test
    void theMarkIsNotOverwrittenByAFileOfAnotherKind() throws IOException
    {
        Files.createDirectories(journal);
        Files.writeString(journal.resolve(IssuedOrderIds.FILE_NAME), "somebody else's notes");
        assertThat(catchThrowableOfType(RuntimeException.class, this::gateway)).isNotNull()
            .hasMessageContaining(IssuedOrderIds.FILE_NAME);
        assertThat(Files.readString(journal.resolve(IssuedOrderIds.FILE_NAME))).isEqualTo("somebody else's notes");
    }
}
