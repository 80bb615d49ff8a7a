package dev.airlock.engine.engine;

import dev.airlock.engine.bpmn.ProcessModel;
import dev.airlock.engine.store.InstanceStore.ProcessInstanceRow;

/** A process instance together with the model it runs. */
record RunningInstance(ProcessInstanceRow row, ProcessModel model) {

  long key() {
    return row.processInstanceKey();
  }
}
