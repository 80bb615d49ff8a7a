package dev.airlock.engine.ui;

import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the task list and history UI: static files under {@value #ASSETS_PATH}, and the page
 * {@code index.html} at every path the UI routes in the browser. The UI reads and changes state
 * only through the engine's own {@code /v2} REST API.
 *
 * <p>The files live in {@value #ASSETS_LOCATION} and not in {@code classpath:/static/}, because
 * an application that embeds the engine would otherwise serve them on its own web server too,
 * where no {@code /v2} API exists. Like the engine's other web beans, this class is no
 * {@code @Configuration}, so a component scan of an embedding application never picks it up.
 */
public final class UiWebConfiguration implements WebMvcConfigurer {

  static final String ASSETS_PATH = "/ui/";
  static final String ASSETS_LOCATION = "classpath:/dev/airlock/engine/ui/static/";
  static final String[] PAGE_PATHS = {"/", "/tasks", "/tasks/*", "/history", "/history/*"};

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler(ASSETS_PATH + "**")
        .addResourceLocations(ASSETS_LOCATION)
        .setCacheControl(CacheControl.noCache());
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    for (var path : PAGE_PATHS) {
      registry.addViewController(path).setViewName("forward:" + ASSETS_PATH + "index.html");
    }
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new UiSecurityHeaders())
        .addPathPatterns(PAGE_PATHS)
        .addPathPatterns(ASSETS_PATH + "**");
  }
}
