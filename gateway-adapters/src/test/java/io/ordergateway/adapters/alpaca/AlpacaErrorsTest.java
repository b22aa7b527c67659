package io.ordergateway.adapters.alpaca;

import io.ordergateway.core.domain.RejectReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error answer of the reference maps to the standard reason a strategy can act on; both
 * readings of the credential errors (401, 403 without a code) are accepted.
 */
class AlpacaErrorsTest
{
    @ParameterizedTest(name = "HTTP {0} code {1} \"{2}\" -> {3}")
    @CsvSource(delimiter = '|', value = {
        "401 | 40110000 | request is not authorized | AUTHENTICATION_FAILED",
        "401 | 0        | unauthorized | AUTHENTICATION_FAILED",
        "403 | 0        | forbidden. | AUTHENTICATION_FAILED",
        "403 | 40310000 | insufficient buying power | INSUFFICIENT_FUNDS",
        "403 | 40310000 | insufficient qty available for order (requested: 10, available: 5) | INSUFFICIENT_FUNDS",
        "403 | 40310000 | potential wash trade detected. use complex orders | BROKER_REJECTED",
        "422 | 40010001 | client_order_id must be unique | DUPLICATE_CLIENT_ID",
        "422 | 42210000 | invalid limit_price 290.123. sub-penny increment does not fulfill minimum pricing criteria "
        + "| INVALID_PRICE", "422 | 42210000 | order is already in \"filled\" state | ORDER_NOT_ACTIVE",
        "422 | 40010001 | invalid time_in_force | UNSUPPORTED_ORDER_TYPE",
        "422 | 40010001 | invalid order type | UNSUPPORTED_ORDER_TYPE",
        "422 | 40010001 | only type=\"limit\" is allowed for extended hours orders | UNSUPPORTED_ORDER_TYPE",
        "422 | 40010001 | bracket orders must be market or limit orders | UNSUPPORTED_ORDER_TYPE",
        "422 | 40010001 | fractional orders must be DAY orders | INVALID_QUANTITY",
        "422 | 40010001 | asset not found for XYZ | UNKNOWN_SYMBOL",
        "422 | 40010001 | us_equity orders not allowed for account | UNSUPPORTED_ORDER_TYPE",
        "422 | 40010001 | something new | INVALID_ORDER",
        "400 | 40010000 | request body format is invalid | INVALID_ORDER",
        "404 | 40410000 | order not found | UNKNOWN_ORDER", "429 | 42910000 | rate limit exceeded | RATE_LIMITED",
        "500 | 50010000 | internal server error | SERVICE_UNAVAILABLE", "503 | 0        | '' | SERVICE_UNAVAILABLE",
        "504 | 0        | gateway timeout | SERVICE_UNAVAILABLE"})
    void mapsToTheStandardReason(final int status, final int code, final String message, final RejectReason expected)
    {
        assertThat(AlpacaErrors.reason(status, code, message)).isEqualTo(expected);
    }
}
