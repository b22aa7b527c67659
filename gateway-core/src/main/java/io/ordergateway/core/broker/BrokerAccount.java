package io.ordergateway.core.broker;

/**
 * What a broker says about the account the gateway trades: its money, as a broker's account
 * query answers it. Money is a scaled long with {@code FixedPoint.PRICE_DECIMALS} decimals.
 *
 * @param broker        the broker's name in the gateway.
 * @param accountNumber the broker's number or id for the account (never a credential).
 * @param currency      the account's currency, such as {@code USD}.
 * @param cash          settled and unsettled cash.
 * @param buyingPower   what the broker lets the account buy now.
 * @param equity        cash plus the market value of positions.
 * @param asOfMillis    when the gateway got the answer (epoch milliseconds).
 */
public record BrokerAccount(String broker, String accountNumber, String currency, long cash, long buyingPower,
    long equity, long asOfMillis)
{
}
