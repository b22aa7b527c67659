package io.ordergateway.testkit.alpaca;

/**
 * One REST answer of the simulator: the HTTP status and how to write the JSON body (null for none).
 *
 * @param status the HTTP status.
 * @param writer writes the body, or null for an empty one.
 */
record SimReply(int status, JsonBodies.Writer writer)
{
    /**
     * @param status  the HTTP status.
     * @param code    Alpaca's error code, 0 for none (then the body has no {@code code}).
     * @param message the message.
     * @return an error answer as Alpaca writes them: {@code {"code":..., "message":...}}.
     */
    static SimReply error(final int status, final int code, final String message)
    {
        return new SimReply(status, json ->
        {
            json.writeStartObject();
            if (code != 0)
            {
                json.writeNumberField("code", code);
            }
            json.writeStringField("message", message);
            json.writeEndObject();
        });
    }
}
