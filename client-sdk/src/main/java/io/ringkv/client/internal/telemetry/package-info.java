/**
 * OpenTelemetry instrumentation through the API only: spans per operation with W3C trace context
 * propagated in the request envelope, and the client's metrics.
 */
package io.ringkv.client.internal.telemetry;
