package io.ordergateway.core.state;

/**
 * The writer's side of {@link Books} for tests of the stages that only read them (risk, route):
 * lets a test put positions and exposures in place without running the state stage.
 */
public final class BooksAccess
{
    private BooksAccess()
    {
    }

    /**
     * @param books the books.
     * @return their account book, writable.
     */
    public static AccountBook accounts(final Books books)
    {
        return books.accounts();
    }

    /**
     * @param books the books.
     * @return their positions, writable.
     */
    public static PositionBook positions(final Books books)
    {
        return books.positions();
    }

    /**
     * @param books the books.
     * @return their orders, writable.
     */
    public static OrderBook orders(final Books books)
    {
        return books.orders();
    }
}
