package dev.airlock.runtime.connector;

import dev.airlock.automation.TaskRunner;
import dev.airlock.camunda.AirlockBrowserTaskConnector;
import dev.airlock.camunda.AirlockConnectorSettings;
import dev.airlock.camunda.CamundaApprovalCollector;
import dev.airlock.evidence.SigningKey;
import dev.airlock.identity.IdentityRegistry;
import dev.airlock.identity.SecretResolver;
import dev.airlock.policy.ApprovalSigner;
import dev.airlock.policy.ApprovalVerifier;
import dev.airlock.policy.RiskPolicy;
import dev.airlock.sandbox.SandboxConfig;
import dev.airlock.sandbox.SandboxManager;
import io.camunda.client.CamundaClient;
import io.camunda.connector.runtime.core.secret.SecretProviderAggregator;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the Airlock browser task connector into the Camunda connector runtime. */
@Configuration(proxyBeanMethods = false)
public class AirlockConnectorConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(AirlockConnectorConfiguration.class);

  @Bean
  SigningKey airlockSigningKey(AirlockProperties properties) {
    SigningKey key = SigningKey.loadOrCreate(properties.keysDirectory());
    LOG.info("Signing evidence and approvals with key {} from {}", key.keyId(), properties.keysDirectory());
    return key;
  }

  @Bean
  IdentityRegistry airlockIdentities(AirlockProperties properties) {
    if (!Files.isRegularFile(properties.identitiesFile())) {
      throw new IllegalStateException(
          "agent identity file "
              + properties.identitiesFile().toAbsolutePath()
              + " not found; create it (copy examples/processes/identities.json to start, see"
              + " docs/operator.md) or point airlock.identities-file at yours");
    }
    return IdentityRegistry.load(properties.identitiesFile());
  }

  @Bean
  SandboxManager airlockSandboxes(AirlockProperties properties) {
    SandboxConfig config =
        sandboxConfig(properties.sandbox())
            .withHiddenPaths(
                List.of(
                    properties.keysDirectory(),
                    properties.evidenceDirectory(),
                    properties.identitiesFile().toAbsolutePath().getParent()));
    SandboxManager sandboxes = new SandboxManager(config);
    int removed = sandboxes.cleanupLeftovers();
    if (removed > 0) {
      LOG.info("Removed {} sandboxes left behind by an earlier run", removed);
    }
    return sandboxes;
  }

  @Bean
  TaskRunner airlockTaskRunner(SandboxManager sandboxes, SigningKey key, IdentityRegistry identities) {
    return new TaskRunner(sandboxes, key, RiskPolicy.defaults(), new ApprovalVerifier(key.publicKey()))
        .withIdentityCheck(identityId -> identities.require(identityId, Instant.now()));
  }

  @Bean
  AirlockBrowserTaskConnector airlockBrowserTaskConnector(
      AirlockProperties properties,
      IdentityRegistry identities,
      TaskRunner runner,
      SigningKey key,
      CamundaClient client,
      SecretProviderAggregator secretProviders,
      Environment environment) {
    SecretResolver secrets = new SecretResolver(secretProviders::getSecret, environment::getProperty);
    AirlockConnectorSettings settings =
        new AirlockConnectorSettings(
            properties.evidenceDirectory(), properties.maxTotalTimeout(), Clock.systemUTC());
    return new AirlockBrowserTaskConnector(
        identities,
        secrets,
        new CamundaApprovalCollector(client, new ApprovalSigner(key)),
        runner::run,
        settings);
  }

  private static SandboxConfig sandboxConfig(AirlockProperties.Sandbox sandbox) {
    SandboxConfig config = SandboxConfig.defaults();
    if (sandbox.browserExecutable() != null) {
      config = config.withBrowserExecutable(sandbox.browserExecutable());
    }
    if (sandbox.workDirectory() != null) {
      config = config.withWorkRoot(sandbox.workDirectory());
    }
    return config.withContainment(sandbox.containment());
  }
}
