package dev.airlock.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.engine.engine.Engine;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The beans of the engine's own web application context. The class is deliberately not a
 * {@code @Configuration}: no component scan of a host application can find it, and it imports
 * an explicit list of auto-configurations instead of everything on the class path.
 */
@ImportAutoConfiguration({
  ServletWebServerFactoryAutoConfiguration.class,
  DispatcherServletAutoConfiguration.class,
  WebMvcAutoConfiguration.class,
  HttpMessageConvertersAutoConfiguration.class,
  JacksonAutoConfiguration.class,
  MultipartAutoConfiguration.class
})
public class EngineWebConfiguration {

  @Bean
  WebMvcRegistrations engineHandlerMapping() {
    return new WebMvcRegistrations() {
      @Override
      public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new EngineHandlerMapping();
      }
    };
  }

  @Bean
  FilterRegistrationBean<SameOriginFilter> sameOriginFilter() {
    FilterRegistrationBean<SameOriginFilter> registration = new FilterRegistrationBean<>(new SameOriginFilter());
    registration.addUrlPatterns("/v2/*");
    return registration;
  }

  @Bean
  ProblemResolver problemResolver(ObjectMapper mapper) {
    return new ProblemResolver(mapper);
  }

  @Bean
  ClusterController clusterController() {
    return new ClusterController();
  }

  @Bean
  DeploymentController deploymentController(Engine engine) {
    return new DeploymentController(engine);
  }

  @Bean
  ProcessDefinitionController processDefinitionController(Engine engine, ObjectMapper mapper) {
    return new ProcessDefinitionController(engine, mapper);
  }

  @Bean
  ProcessInstanceController processInstanceController(Engine engine, ObjectMapper mapper) {
    return new ProcessInstanceController(engine, mapper);
  }

  @Bean
  JobController jobController(Engine engine, ObjectMapper mapper) {
    return new JobController(engine, mapper);
  }

  @Bean
  UserTaskController userTaskController(Engine engine, ObjectMapper mapper) {
    return new UserTaskController(engine, mapper);
  }

  @Bean
  VariableController variableController(Engine engine, ObjectMapper mapper) {
    return new VariableController(engine, mapper);
  }

  @Bean
  ElementInstanceController elementInstanceController(Engine engine, ObjectMapper mapper) {
    return new ElementInstanceController(engine, mapper);
  }

  @Bean
  IncidentController incidentController(Engine engine, ObjectMapper mapper) {
    return new IncidentController(engine, mapper);
  }

  @Bean
  DocumentController documentController(Engine engine, ObjectMapper mapper) {
    return new DocumentController(engine, mapper);
  }
}
