package dev.airlock.engine.feel;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * FEEL evaluation with the feel-scala engine. A BPMN property is an expression when it starts
 * with {@code =}, as in Camunda 8; otherwise it is a static value. Parsed expressions are cached
 * because a process evaluates the same few expressions for every instance.
 */
public final class Feel {

  /** The outcome of evaluating one expression. */
  public sealed interface Result {
    /** The expression returned {@code value}, a plain Java value (map, list, number, ...). */
    record Value(Object value) implements Result {}

    /** The expression could not be evaluated; {@code message} is feel-scala's explanation. */
    record Failure(String message) implements Result {}
  }

  private final FeelEngineApi engine = FeelEngineBuilder.forJava().build();
  private final Map<String, ParsedExpression> parsed = new ConcurrentHashMap<>();

  public static boolean isExpression(String property) {
    return property != null && property.startsWith("=");
  }

  /** Returns the parse error of {@code expression} (without the leading {@code =}), if any. */
  public Optional<String> syntaxError(String expression) {
    var result = engine.parseExpression(stripEquals(expression));
    return result.isSuccess() ? Optional.empty() : Optional.of(result.failure().message());
  }

  /** Evaluates {@code expression}; a leading {@code =} is optional. */
  public Result evaluate(String expression, Map<String, Object> variables) {
    var body = stripEquals(expression);
    var expressionTree = parsed.get(body);
    if (expressionTree == null) {
      var parseResult = engine.parseExpression(body);
      if (!parseResult.isSuccess()) {
        return new Result.Failure(parseResult.failure().message());
      }
      expressionTree = parseResult.parsedExpression();
      parsed.put(body, expressionTree);
    }
    var result = engine.evaluate(expressionTree, variables);
    if (!result.isSuccess()) {
      return new Result.Failure(result.failure().message());
    }
    return new Result.Value(result.result());
  }

  /**
   * Evaluates a BPMN property: an expression when it starts with {@code =}, else the static
   * string itself.
   */
  public Result evaluateProperty(String property, Map<String, Object> variables) {
    if (isExpression(property)) {
      return evaluate(property, variables);
    }
    return new Result.Value(property);
  }

  private static String stripEquals(String expression) {
    return expression.startsWith("=") ? expression.substring(1) : expression;
  }
}
