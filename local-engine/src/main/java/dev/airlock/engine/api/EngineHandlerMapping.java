package dev.airlock.engine.api;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Maps the request methods of beans annotated with {@link EngineApi}. */
final class EngineHandlerMapping extends RequestMappingHandlerMapping {

  @Override
  protected boolean isHandler(Class<?> beanType) {
    return AnnotatedElementUtils.hasAnnotation(beanType, EngineApi.class);
  }
}
