package dev.airlock.runtime.cli;

import io.camunda.client.CamundaClient;
import java.net.URI;

/** Camunda clients for commands that talk to an engine without authentication. */
final class Clients {

  private Clients() {}

  /** Builds a client that uses the REST API at {@code address} (without {@code /v2}). */
  static CamundaClient rest(URI address) {
    return CamundaClient.newClientBuilder()
        .restAddress(address)
        // Commands use REST only; the gRPC address is set to the same loopback host so that the
        // client's default is never contacted.
        .grpcAddress(address)
        .preferRestOverGrpc(true)
        .build();
  }
}
