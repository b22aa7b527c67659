package io.ordergateway.testkit.alpaca;

import io.ordergateway.adapters.alpaca.AlpacaBroker;
import io.ordergateway.adapters.alpaca.AlpacaConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import io.ordergateway.core.testing.ReportCollector;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.KEY;
import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.SECRET;
import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.TIMEOUT;
import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.await;
import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.quietEngine;
import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * https and wss with certificate and host verification: a certificate the client trusts, for the
 * host it dialled, works; the same trusted certificate for another host name is refused.
 */
class AlpacaTlsTest
{
    @TempDir
    Path journal;

    @SuppressWarnings("deprecation") // SelfSignedCertificate: fine for a test certificate
    private ReportCollector.Report tradeOnce(final String certificateHost) throws Exception
    {
        final SelfSignedCertificate certificate = new SelfSignedCertificate(certificateHost);
        final SslContext server =
            SslContextBuilder.forServer(certificate.certificate(), certificate.privateKey()).build();
        final SslContext client = SslContextBuilder.forClient().trustManager(certificate.cert()).build();
        try (AlpacaSimulator simulator = new AlpacaSimulator(
            AlpacaSimulator.Config.defaults(List.of("AAPL"), KEY, SECRET).withEngine(quietEngine()), server).start(0))
        {
            final URI url = URI.create("https://localhost:" + simulator.url().getPort());
            final AlpacaBroker broker =
                new AlpacaBroker(AlpacaConfig.of("alpaca", url, KEY, SECRET).withRequestTimeout(2_000), client);
            try (OrderGateway gateway =
                OrderGateway.builder().instanceId("tls").symbols("AAPL").broker(broker).journalDirectory(journal)
                .build())
            {
                if (certificateHost.equals("localhost"))
                {
                    await(() -> broker.health() == BrokerHealth.HEALTHY, "healthy over wss");
                }
                final NewOrder order =
                    new NewOrder().symbol(0).side(Side.BUY).type(OrderType.MARKET).quantity(quantity(3));
                assertThat(gateway.submit(order)).isEqualTo(io.ordergateway.core.api.SubmitResult.ACCEPTED);
                return new ReportCollector(gateway).awaitFinal(order.orderId(), TIMEOUT);
            }
        }
        finally
        {
            certificate.delete();
        }
    }

    @Test
    void tradesOverVerifiedTls() throws Exception
    {
        assertThat(tradeOnce("localhost").state()).isEqualTo(OrderState.FILLED);
    }

    @Test
    void refusesACertificateForAnotherHost() throws Exception
    {
        final ReportCollector.Report last = tradeOnce("broker.example.org");
        assertThat(last.state()).isEqualTo(OrderState.REJECTED);
        assertThat(last.text()).contains(RejectReason.CONNECTION_ERROR.name());
    }
}
