package io.totpkit.spring;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Adds the TOTP factor to a {@link HttpSecurity}: a request that lacks {@value TotpFactor#AUTHORITY} is sent to the
 * code page; the page (GET, unless {@code totpkit.factor.default-page=false}) and its form (POST) are served before
 * authorization, for the signed-in principal only.
 *
 * <p>With the starter's auto-configuration this is applied to every {@code SecurityFilterChain} built from Spring's
 * {@code HttpSecurity} (as a {@code Customizer<HttpSecurity>} bean), so an application only writes
 * {@code @EnableMultiFactorAuthentication(authorities = {FactorGrantedAuthority.PASSWORD_AUTHORITY,
 * TotpFactor.AUTHORITY})}. With {@code totpkit.factor.enabled=false} an application applies it to the chains it
 * chooses:
 *
 * <pre>{@code
 * http.with(TotpFactorConfigurer.totp(), Customizer.withDefaults());
 * }</pre>
 *
 * <p>Thread-safety: a configurer, used once while the chain is built.
 */
public final class TotpFactorConfigurer extends AbstractHttpConfigurer<TotpFactorConfigurer, HttpSecurity> {
  private TotpFactorConfigurer() {}

  /**
   * Returns a new configurer that takes its settings and services from the application context.
   *
   * @return the configurer
   */
  public static TotpFactorConfigurer totp() {
    return new TotpFactorConfigurer();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void init(HttpSecurity http) {
    TotpProperties properties = context(http).getBean(TotpProperties.class);
    ExceptionHandlingConfigurer<HttpSecurity> exceptions = http.getConfigurer(ExceptionHandlingConfigurer.class);
    if (exceptions != null) {
      exceptions.defaultDeniedHandlerForMissingAuthority(
          new LoginUrlAuthenticationEntryPoint(properties.factor().codePage()), TotpFactor.AUTHORITY);
    }
  }

  @Override
  public void configure(HttpSecurity http) {
    ApplicationContext context = context(http);
    TotpProperties properties = context.getBean(TotpProperties.class);
    String page = properties.factor().codePage();
    TotpAuthenticationService service = context.getBean(TotpAuthenticationService.class);
    TotpEnrollment enrollment = context.getBean(TotpEnrollment.class);
    RecoveryCodes recoveryCodes = context.getBeanProvider(RecoveryCodes.class).getIfAvailable();
    SecurityContextHolderStrategy holder = context.getBeanProvider(SecurityContextHolderStrategy.class)
        .getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    SecurityContextRepository repository = http.getSharedObject(SecurityContextRepository.class);
    if (repository == null) {
      // Spring Security's own default: the request attribute for this request, the session for the next ones.
      repository = new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
          new HttpSessionSecurityContextRepository());
    }
    RequestCache requestCache = http.getSharedObject(RequestCache.class);
    SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
    success.setRequestCache(requestCache == null ? new HttpSessionRequestCache() : requestCache);
    http.addFilterBefore(new TotpCodeFilter(page, service, enrollment, recoveryCodes, holder, repository, success,
        context), AuthorizationFilter.class);
    if (properties.factor().defaultPage()) {
      http.addFilterBefore(new TotpCodePageFilter(page, service, enrollment, holder), AuthorizationFilter.class);
    }
  }

  private static ApplicationContext context(HttpSecurity http) {
    ApplicationContext context = http.getSharedObject(ApplicationContext.class);
    if (context == null) {
      throw new IllegalStateException("TotpFactorConfigurer needs the HttpSecurity of a Spring application context");
    }
    return context;
  }
}
