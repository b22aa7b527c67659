package io.ordergateway.runtime.admin;

/**
 * One answer of the admin endpoint.
 *
 * @param status      the HTTP status.
 * @param contentType its content type.
 * @param body        its bytes.
 */
record AdminReply(int status, String contentType, byte[] body)
{
}
