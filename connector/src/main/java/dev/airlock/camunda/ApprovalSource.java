package dev.airlock.camunda;

import dev.airlock.identity.AgentIdentity;
import dev.airlock.policy.Approval;
import java.time.Duration;
import java.util.List;

/** Supplies the signed approvals a browser task may use in one process instance. */
@FunctionalInterface
public interface ApprovalSource {

  /**
   * Returns the approvals and rejections recorded for {@code processInstanceKey}, each valid for at
   * most {@code validity} after its decision. Decisions by {@code identity} or its owner are left out.
   */
  List<Approval> approvals(long processInstanceKey, AgentIdentity identity, Duration validity);
}
