package dev.airlock.engine.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST controller of the local engine. It replaces {@code @RestController} on purpose:
 * it is no Spring stereotype, so component scanning in an application that embeds the engine
 * never picks the engine's controllers up. Only the engine's own context maps them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface EngineApi {}
