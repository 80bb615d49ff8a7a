package dev.airlock.engine.engine;

import dev.airlock.engine.store.InstanceStore;
import dev.airlock.engine.store.Keys;
import dev.airlock.engine.store.VariableStore;
import dev.airlock.engine.store.VariableStore.VariableChangeRow;
import dev.airlock.engine.store.VariableStore.VariableRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Variable scopes as Camunda 8 defines them. Each element instance is a scope whose parent is
 * its flow scope; the process instance is the root. A scope sees its own variables and those of
 * its parents, the nearer one winning. Merging a document propagates each variable to the
 * nearest scope that already has it, else creates it in the root scope. Every change is recorded.
 */
public final class Variables {

  private final VariableStore variables;
  private final InstanceStore instances;
  private final Keys keys;

  public Variables(VariableStore variables, InstanceStore instances, Keys keys) {
    this.variables = variables;
    this.instances = instances;
    this.keys = keys;
  }

  /** Returns the variables visible in {@code scopeKey}, as plain Java values. */
  public Map<String, Object> visible(long scopeKey) {
    var result = new HashMap<String, Object>();
    for (var scope : scopeChain(scopeKey)) {
      for (var variable : variables.local(scope)) {
        result.putIfAbsent(variable.name(), Json.read(variable.valueJson()));
      }
    }
    return result;
  }

  /** Returns the variables stored in {@code scopeKey} itself, as plain Java values. */
  public Map<String, Object> local(long scopeKey) {
    var result = new LinkedHashMap<String, Object>();
    variables.local(scopeKey).forEach(v -> result.put(v.name(), Json.read(v.valueJson())));
    return result;
  }

  public void setLocal(long scopeKey, long processInstanceKey, Map<String, Object> document) {
    document.forEach((name, value) -> set(scopeKey, processInstanceKey, name, value));
  }

  /** Merges {@code document} into the scope hierarchy starting at {@code scopeKey}. */
  public void merge(long scopeKey, long processInstanceKey, Map<String, Object> document) {
    if (document.isEmpty()) {
      return;
    }
    var chain = scopeChain(scopeKey);
    for (var entry : document.entrySet()) {
      var target = processInstanceKey;
      for (var scope : chain) {
        if (variables.find(scope, entry.getKey()).isPresent()) {
          target = scope;
          break;
        }
      }
      set(target, processInstanceKey, entry.getKey(), entry.getValue());
    }
  }

  private void set(long scopeKey, long processInstanceKey, String name, Object value) {
    var json = Json.write(value);
    var existing = variables.find(scopeKey, name);
    long variableKey;
    if (existing.isPresent()) {
      if (Objects.equals(existing.get().valueJson(), json)) {
        return;
      }
      variableKey = existing.get().variableKey();
      variables.updateValue(variableKey, json);
    } else {
      variableKey = keys.next();
      variables.insert(new VariableRow(variableKey, scopeKey, processInstanceKey, name, json));
    }
    variables.insertChange(
        new VariableChangeRow(
            keys.next(),
            variableKey,
            scopeKey,
            processInstanceKey,
            name,
            json,
            System.currentTimeMillis()));
  }

  /** Returns {@code scopeKey} followed by its parent scopes up to the process instance. */
  private List<Long> scopeChain(long scopeKey) {
    var chain = new ArrayList<Long>();
    Long current = scopeKey;
    while (current != null) {
      chain.add(current);
      var instance = instances.elementInstance(current);
      current = instance.isPresent() ? instance.get().flowScopeKey() : null;
    }
    return chain;
  }
}
