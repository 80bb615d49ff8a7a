package dev.airlock.engine.api;

import io.camunda.client.protocol.rest.BrokerInfo;
import io.camunda.client.protocol.rest.Partition;
import io.camunda.client.protocol.rest.TopologyResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Topology and status: the engine is one healthy node leading one partition. */
@EngineApi
@ResponseBody
@RequestMapping("/v2")
final class ClusterController {

  /** The Camunda version whose REST API this engine follows. */
  static final String API_VERSION = "8.8.0";

  @GetMapping("/topology")
  TopologyResponse topology(HttpServletRequest request) {
    var partition = new Partition().partitionId(1).role(Partition.RoleEnum.LEADER)
        .health(Partition.HealthEnum.HEALTHY);
    var broker = new BrokerInfo().nodeId(0).host(request.getLocalAddr())
        .port(request.getLocalPort()).version(API_VERSION).partitions(List.of(partition));
    return new TopologyResponse().brokers(List.of(broker)).clusterSize(1).partitionsCount(1)
        .replicationFactor(1).gatewayVersion(API_VERSION);
  }

  @GetMapping("/status")
  ResponseEntity<Void> status() {
    return ResponseEntity.noContent().build();
  }
}
