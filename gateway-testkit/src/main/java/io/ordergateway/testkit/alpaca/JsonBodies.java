package io.ordergateway.testkit.alpaca;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's JSON: request bodies read into maps (values stay as the JSON gave them: String,
 * Boolean, Number, Map, List or null), answers written with a generator. The simulator is not on
 * anyone's hot path, so it reads for clarity.
 */
final class JsonBodies
{
    static final JsonFactory FACTORY = new JsonFactory();

    /**
     * Writes one JSON value into a buffer.
     */
    @FunctionalInterface
    interface Writer
    {
        void write(JsonGenerator json) throws IOException;
    }

    private JsonBodies()
    {
    }

    /**
     * @param body the bytes.
     * @return the object.
     * @throws IllegalArgumentException if the body is not one JSON object.
     */
    static Map<String, Object> readObject(final ByteBuf body)
    {
        try (JsonParser parser = FACTORY.createParser((java.io.InputStream)new ByteBufInputStream(body.duplicate())))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                throw new IllegalArgumentException("request body is not a JSON object");
            }
            return readMap(parser);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("request body format is invalid");
        }
    }

    private static Map<String, Object> readMap(final JsonParser parser) throws IOException
    {
        final Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            parser.nextToken();
            map.put(name, readValue(parser));
        }
        return map;
    }

    private static Object readValue(final JsonParser parser) throws IOException
    {
        switch (parser.currentToken())
        {
            case START_OBJECT: return readMap(parser);
            case START_ARRAY:
                final List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY)
                {
                    list.add(readValue(parser));
                }
                return list;
            case VALUE_STRING: return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return parser.getDecimalValue();
            case VALUE_TRUE: return Boolean.TRUE;
            case VALUE_FALSE: return Boolean.FALSE;
            default: return null;
        }
    }

    /**
     * @param out    where to write.
     * @param writer what to write.
     */
    static void write(final ByteBuf out, final Writer writer)
    {
        try (JsonGenerator json = FACTORY.createGenerator((java.io.OutputStream)new ByteBufOutputStream(out)))
        {
            writer.write(json);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
