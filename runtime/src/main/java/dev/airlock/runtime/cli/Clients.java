package dev.airlock.runtime.cli;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import java.net.ConnectException;
import java.net.URI;
import java.util.function.Supplier;
import org.springframework.core.NestedExceptionUtils;

/** Camunda clients for commands that talk to an engine without authentication. */
final class Clients {

  private Clients() {}

  /** Builds a client that uses the REST API at {@code address} (without {@code /v2}). */
  static CamundaClient rest(URI address) {
    String scheme = address.getScheme();
    if (!address.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme))) {
      throw new IllegalArgumentException(
          "--engine '" + address + "' is not an http:// or https:// address; give one such as http://127.0.0.1:8088");
    }
    return CamundaClient.newClientBuilder()
        .restAddress(address)
        // Commands use REST only. The gRPC address is set to the same address, so the client's
        // default gRPC address is never contacted.
        .grpcAddress(address)
        .preferRestOverGrpc(true)
        .build();
  }

  /** Runs a request and turns a refused connection into an error that names the commands starting an engine. */
  static <T> T call(URI address, Supplier<T> request) {
    try {
      return request.get();
    } catch (ClientException e) {
      if (NestedExceptionUtils.getRootCause(e) instanceof ConnectException) {
        throw new IllegalStateException(
            "no engine responds at "
                + address
                + "; start one with ./airlock demo, ./airlock start or ./airlock engine, or give its address with --engine",
            e);
      }
      throw e;
    }
  }
}
