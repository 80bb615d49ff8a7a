package dev.airlock.automation;

import dev.airlock.evidence.SealedBundle;
import java.util.Map;

/** Result of a task that ran without an infrastructure failure: completed, stopped for an approval, or stopped by the policy. */
public sealed interface TaskOutcome {

    /** Returns the sealed evidence bundle of the run. */
    SealedBundle bundle();

    /** Every step ran. */
    record Completed(Map<String, String> extracted, Map<String, DownloadedFile> downloads, SealedBundle bundle)
            implements TaskOutcome {
    }

    /** The task stopped before an action that needs an approval it did not have. */
    record CheckpointPending(PendingAction action, SealedBundle bundle) implements TaskOutcome {
    }

    /** The policy denied a step; it did not run. */
    record PolicyDenied(int stepIndex, String rule, String reason, SealedBundle bundle) implements TaskOutcome {
    }
}
