package dev.airlock.engine.engine;

import dev.airlock.engine.bpmn.BpmnTransformer;
import dev.airlock.engine.feel.Feel;
import dev.airlock.engine.store.Stores;
import org.springframework.transaction.support.TransactionTemplate;

/** The engine's commands, wired over one set of stores. Queries read the stores directly. */
public final class Engine implements AutoCloseable {

  private final Stores stores;
  private final JobSignal signal = new JobSignal();
  private final Deployments deployments;
  private final InstanceCommands instances;
  private final JobCommands jobs;
  private final UserTaskCommands userTasks;
  private final Models models;

  public Engine(Stores stores, TransactionTemplate transactions) {
    this.stores = stores;
    var feel = new Feel();
    var transformer = new BpmnTransformer(feel);
    var runner = new CommandRunner(transactions, signal);
    var variables = new Variables(stores.variables(), stores.instances(), stores.keys());
    var waitStates = new WaitStates(stores, variables, feel, runner);
    var executor = new ProcessExecutor(stores, variables, feel, waitStates);
    waitStates.reportIncidentsTo((instance, row, type, message) ->
        executor.raiseIncident(instance, row, type, message, RetryStep.ACTIVATE, null));
    this.models = new Models(stores.definitions(), transformer);
    this.deployments = new Deployments(stores, transformer, runner);
    this.instances = new InstanceCommands(stores, models, executor, runner);
    this.jobs = new JobCommands(stores, models, executor, runner, signal);
    this.userTasks = new UserTaskCommands(stores, models, executor, runner);
  }

  public Stores stores() {
    return stores;
  }

  public Models models() {
    return models;
  }

  public Deployments deployments() {
    return deployments;
  }

  public InstanceCommands instances() {
    return instances;
  }

  public JobCommands jobs() {
    return jobs;
  }

  public UserTaskCommands userTasks() {
    return userTasks;
  }

  /** Makes waiting job activations return at once; call it before the web server stops. */
  @Override
  public void close() {
    signal.close();
  }
}
